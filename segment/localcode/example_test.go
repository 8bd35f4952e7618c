package localcode_test

import (
	"fmt"

	"github.com/koukaikei/koukaikei/segment/localcode"
)

// Parse checks the check digit of a 全国地方公共団体コード, and adds
// it to a five-digit one.
func ExampleParse() {
	fmt.Println(localcode.Parse("473821"))
	fmt.Println(localcode.Parse("13104"))
	fmt.Println(localcode.Parse("011003"))
	// Output:
	// 473821 <nil>
	// 131041 <nil>
	//  localcode: parsing "011003": check digit 3, should be 2 at offset 5
}
