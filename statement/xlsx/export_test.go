package xlsx

// DateCode is dateCode, for the tests.
var DateCode = dateCode
