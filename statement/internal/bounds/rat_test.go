package bounds

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

// TestRat holds the arithmetic of rat to that of big.Rat, on numbers
// small, large, near the int64 range and beyond it, whole and not.
func TestRat(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func() *big.Rat {
		var n int64
		switch rng.IntN(5) {
		case 0:
			n = rng.Int64N(7) - 3
		case 1:
			n = rng.Int64N(2e12) - 1e12
		case 2:
			n = math.MaxInt64 - rng.Int64N(3)
		case 3:
			n = math.MinInt64 + rng.Int64N(3)
		default:
			n = rng.Int64()
		}
		x := new(big.Rat).SetInt64(n)
		switch rng.IntN(4) {
		case 0:
			x.Quo(x, big.NewRat(int64(2+rng.IntN(5)), 1))
		case 1:
			x.Mul(x, big.NewRat(1e9+7, 1)) // beyond the int64 range
			x.Quo(x, big.NewRat(3, 1))
		}
		return x
	}
	same := func(op string, got rat, want *big.Rat) {
		t.Helper()
		if got.big().Cmp(want) != 0 {
			t.Fatalf("%s: got %s, want %s", op, got.big().RatString(), want.RatString())
		}
		if got.b == nil && (got.den() <= 0 || gcd(got.n, got.den()) != 1 && got.n != 0) {
			t.Fatalf("%s: %d/%d is not in lowest terms", op, got.n, got.den())
		}
		if got.sign() != want.Sign() || got.isInt() != want.IsInt() {
			t.Fatalf("%s: sign or wholeness of %s", op, want.RatString())
		}
	}
	for range 50000 {
		x, y := pick(), pick()
		a, b := ratOfBig(new(big.Rat).Set(x)), ratOfBig(new(big.Rat).Set(y))
		same("of", a, x)
		same("add", a.add(b), new(big.Rat).Add(x, y))
		same("sub", a.sub(b), new(big.Rat).Sub(x, y))
		same("mul", a.mul(b), new(big.Rat).Mul(x, y))
		same("neg", a.neg(), new(big.Rat).Neg(x))
		if y.Sign() != 0 {
			same("quo", a.quo(b), new(big.Rat).Quo(x, y))
			same("inv", b.inv(), new(big.Rat).Inv(y))
		}
		if a.cmp(b) != x.Cmp(y) {
			t.Fatalf("cmp %s %s", x.RatString(), y.RatString())
		}
		f, ok := a.floor()
		want := new(big.Int).Div(x.Num(), x.Denom())
		if ok != want.IsInt64() || ok && f != want.Int64() {
			t.Fatalf("floor %s: %d %v", x.RatString(), f, ok)
		}
	}
	if (rat{}).sign() != 0 || !(rat{}).isInt() || (rat{}).big().Sign() != 0 {
		t.Error("the zero rat is not 0")
	}
}
