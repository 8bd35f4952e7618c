package statement

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// normalLabel returns a label as labels are compared: full- and half-width
// forms folded, spaces and note marks (※１, (注1), （※１）) dropped.
func normalLabel(s string) string {
	if plainLabel(s) {
		return s
	}
	return foldLabel(s)
}

// foldLabel is normalLabel for any label, without the scan for one that
// needs no change.
func foldLabel(s string) string {
	s = width.Fold.String(s)
	var b strings.Builder
	for i := 0; i < len(s); {
		rest := s[i:]
		switch {
		case strings.HasPrefix(rest, "※"):
			i += len("※")
			for i < len(s) && s[i] >= '0' && s[i] <= '9' {
				i++
			}
			continue
		case strings.HasPrefix(rest, "(注"), strings.HasPrefix(rest, "(※"):
			if end := strings.IndexByte(rest, ')'); end > 0 {
				i += end + 1
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(rest)
		if !unicode.IsSpace(r) {
			b.WriteString(rest[:n])
		}
		i += n
	}
	return b.String()
}

// plainLabel reports whether normalLabel(s) is s: valid UTF-8 without a
// rune that width.Fold changes, a space or a note mark.
func plainLabel(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == '(' && (strings.HasPrefix(s[i:], "(注") || strings.HasPrefix(s[i:], "(※")) {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || r == '※' || unicode.IsSpace(r) || width.LookupRune(r).Folded() != 0 {
			return false
		}
		i += n
	}
	return true
}

// nameRows returns the labels that findings name rows by.
func nameRows(rows []Row) []string {
	labels := make([]string, len(rows))
	groups := map[string][]int{}
	for i, r := range rows {
		labels[i] = r.Label
		groups[r.Label] = append(groups[r.Label], i)
	}
	for _, g := range groups {
		for depth := 1; len(g) > 1 && depth <= MaxIndent; depth++ {
			seen := map[string]int{}
			for _, i := range g {
				labels[i] = pathOf(rows, i, depth)
				seen[labels[i]]++
			}
			var still []int
			for _, i := range g {
				if seen[labels[i]] > 1 {
					still = append(still, i)
				}
			}
			g = still
		}
	}
	return labels
}

// pathOf returns the label of row i preceded by those of depth ancestors.
func pathOf(rows []Row, i, depth int) string {
	l := rows[i].Label
	for k, lvl := i-1, rows[i].Indent; depth > 0 && k >= 0; k-- {
		if rows[k].Indent < lvl {
			l = rows[k].Label + " / " + l
			lvl = rows[k].Indent
			depth--
		}
	}
	return l
}
