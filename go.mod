module github.com/koukaikei/koukaikei

go 1.24.0

require (
	github.com/google/go-cmp v0.2.0
	github.com/shopspring/decimal v1.6.0
	golang.org/x/text v0.3.4
)
