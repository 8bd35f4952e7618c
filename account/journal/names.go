package journal

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/width"

	"github.com/koukaikei/koukaikei/account"
	"github.com/koukaikei/koukaikei/internal/quote"
)

// Names finds the accounts of a chart by what statements print: the
// account's name, or, where a name repeats in the chart, the last parts of
// its name path that make it unique, joined by /: 事業用資産/建物,
// 業務収入/国県等補助金収入. Codes are accepted too. Names are compared after
// folding full-width and half-width forms (width.Fold), so 余剰分(不足分)
// finds 余剰分（不足分）. A Names is immutable and safe for concurrent use.
type Names struct {
	chart  *account.Chart
	byName map[string][]string // folded name → codes, in chart order
	paths  map[string][]string // code → folded names, root first
	labels map[string]string   // code → shortest unique label
	tops   map[string]string   // code → the name above its root, if any
}

// NewNames returns the names of the accounts of chart.
func NewNames(chart *account.Chart) *Names { return NewNamesUnder(chart, nil) }

// NewNamesUnder returns the names of the accounts of chart with a name
// above each root account: top(a) for a root a, such as the title of the
// statement it prints on, or "" for none. A name that repeats at the root
// of a chart, such as the その他 of two statements, is told apart so:
// 純資産変動計算書/その他. The top names count only where needed; labels
// stay as short as they can. A nil top names nothing above the roots.
func NewNamesUnder(chart *account.Chart, top func(root account.Account) string) *Names {
	n := &Names{chart: chart, byName: map[string][]string{}, paths: map[string][]string{}, labels: map[string]string{},
		tops: map[string]string{}}
	for a := range chart.All() {
		var path []string
		for i, p := range chart.Path(a.Code) {
			if i == 0 && top != nil {
				if t := top(p); t != "" {
					path = append(path, fold(t))
					n.tops[a.Code] = t
				}
			}
			path = append(path, fold(p.Name))
		}
		n.paths[a.Code] = path
		name := fold(a.Name)
		n.byName[name] = append(n.byName[name], a.Code)
	}
	for a := range chart.All() {
		n.labels[a.Code] = n.label(a.Code)
	}
	return n
}

// fold returns s without surrounding spaces, its full-width and half-width
// forms folded to one.
func fold(s string) string { return width.Fold.String(strings.TrimSpace(s)) }

// Lookup returns the code of the account that s names: a code of the
// chart, a name that only one account bears, or the last parts of a name
// path (事業用資産/建物). A name no account bears is an error wrapping
// ErrUnknown; one that several bear, an error wrapping ErrAmbiguous that
// lists them by the labels that tell them apart.
func (n *Names) Lookup(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", fmt.Errorf("%w account", ErrMissing)
	}
	if _, ok := n.chart.Lookup(s); ok {
		return s, nil
	}
	parts := strings.Split(fold(s), "/")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	codes := n.matches(parts)
	switch len(codes) {
	case 1:
		return codes[0], nil
	case 0:
		return "", fmt.Errorf("%w account %s", ErrUnknown, quote.Bounded(s))
	}
	labels := make([]string, len(codes))
	for i, c := range codes {
		labels[i] = n.labels[c] + " (" + c + ")"
	}
	return "", fmt.Errorf("%w account %s: %s", ErrAmbiguous, quote.Bounded(s), strings.Join(labels, ", "))
}

// matches returns the codes of the accounts whose name path ends with
// parts.
func (n *Names) matches(parts []string) []string {
	var out []string
	for _, code := range n.byName[parts[len(parts)-1]] {
		path := n.paths[code]
		if len(path) >= len(parts) && slices.Equal(path[len(path)-len(parts):], parts) {
			out = append(out, code)
		}
	}
	return out
}

// label returns the shortest end of the name path of the account with the
// given code that no other account's path ends with; the code when even
// the whole path is shared, or a name holds the separator.
func (n *Names) label(code string) string {
	path := n.paths[code]
	var names []string // as printed, not folded
	if t, ok := n.tops[code]; ok {
		names = append(names, t)
	}
	for _, a := range n.chart.Path(code) {
		names = append(names, a.Name)
	}
	for k := 1; k <= len(path); k++ {
		if len(n.matches(path[len(path)-k:])) != 1 {
			continue
		}
		for _, name := range names[len(names)-k:] {
			if strings.Contains(fold(name), "/") {
				return code
			}
		}
		return strings.Join(names[len(names)-k:], "/")
	}
	return code
}

// Label returns how an account is named where its name alone may not tell
// it apart: its name, or the last parts of its name path that make it
// unique, as printed in the chart (事業用資産/建物); its code when even the
// whole path is shared, and "" for a code the chart lacks. Lookup reads
// every label back.
func (n *Names) Label(code string) string { return n.labels[code] }
