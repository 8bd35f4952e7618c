package format

// ParseAmountGeneral is ParseAmount without its fast path for plain whole
// numbers.
var ParseAmountGeneral = parseAmount
