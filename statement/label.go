package statement

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/koukaikei/koukaikei/internal/problem"
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

// A printedLabel is a label as a reader meets it, compared with the rows
// of a form: as printed, normalised (normalLabel), without a number
// before it (unnumbered) if numbered is set, and, for a header row,
// without brackets (unbracketed). Its forms are made once, when first
// needed.
type printedLabel struct {
	t        *Template
	text     string
	numbered bool

	normal, bare string // text normalised, and unnumbered
	normalised   bool   // whether normal is made
	tried        bool   // whether bare is made
}

// is reports whether the label is row i's.
func (p *printedLabel) is(i int) bool {
	row := &p.t.form.Rows[i]
	if row.Label == p.text {
		return true
	}
	if !p.normalised {
		p.normal, p.normalised = normalLabel(p.text), true
	}
	if n := p.t.normals[i]; n == p.normal || !p.numbered {
		return n == p.normal
	}
	if !p.tried {
		p.bare, p.tried = unnumbered(p.text), true
	}
	if p.bare != "" && p.t.normals[i] == p.bare {
		return true
	}
	// A heading is the same in other brackets, or in none:
	// 【業務活動収支】, ［業務活動収支］, Ⅰ 業務活動収支.
	return row.Kind == Header && unbracketed(p.t.normals[i]) == unbracketed(cmp.Or(p.bare, p.normal))
}

// unnumbered returns label without the number a statement may print
// before it, normalised as normalLabel does: １．固定資産, 1 固定資産,
// (1)有形固定資産, （ア）事業用資産, ①土地, Ⅰ 業務活動収支 and ア．税収等 are
// 固定資産, 有形固定資産, 事業用資産, 土地, 業務活動収支 and 税収等. A number is
// taken off only where a separator (．, ., 、, ), a space) or brackets
// make it one, so that 1年内償還予定地方債 keeps its 1. It returns "" for a
// label with no such number, or nothing after it.
func unnumbered(label string) string {
	s := strings.TrimSpace(width.Fold.String(label))
	r, n := utf8.DecodeRuneInString(s)
	switch {
	case r >= '①' && r <= '⑳' || r >= '㉑' && r <= '㉟' || r >= 'Ⅰ' && r <= 'ↈ':
		s = s[n:]
		if r >= 'Ⅰ' && r <= 'ↈ' {
			// Ⅳ may be printed as Ⅰ and Ⅴ: the whole run is the number.
			for r, n = utf8.DecodeRuneInString(s); r >= 'Ⅰ' && r <= 'ↈ'; r, n = utf8.DecodeRuneInString(s) {
				s = s[n:]
			}
		}
		s = strings.TrimLeft(s, ".、)")
	case r == '(':
		end := strings.IndexByte(s, ')')
		if end < 2 || !enumerator(s[1:end]) {
			return ""
		}
		s = s[end+1:]
	default:
		end := strings.IndexFunc(s, func(r rune) bool { return r == '.' || r == '、' || r == ')' || unicode.IsSpace(r) })
		if end < 1 || !enumerator(s[:end]) {
			return ""
		}
		_, n := utf8.DecodeRuneInString(s[end:])
		s = s[end+n:]
	}
	return normalLabel(s)
}

// unbracketed returns a normalised heading without the brackets around it
// (【資産の部】, [資産の部], ＜資産の部＞, 〔資産の部〕 are 資産の部).
func unbracketed(s string) string {
	for _, p := range [][2]string{{"【", "】"}, {"[", "]"}, {"〔", "〕"}, {"<", ">"}, {"《", "》"}, {"〈", "〉"}} {
		if inner, ok := strings.CutPrefix(s, p[0]); ok {
			if inner, ok := strings.CutSuffix(inner, p[1]); ok && inner != "" {
				return inner
			}
		}
	}
	return s
}

// enumerator reports whether s, width-folded, numbers the items of a list:
// digits, one katakana or Latin letter, or a run of Roman numerals.
func enumerator(s string) bool {
	if s == "" {
		return false
	}
	if strings.Trim(s, "0123456789") == "" {
		return len(s) <= 3
	}
	if strings.Trim(s, "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ") == "" {
		return true
	}
	r, n := utf8.DecodeRuneInString(s)
	return n == len(s) && (unicode.In(r, unicode.Katakana) || r < utf8.RuneSelf && unicode.IsLetter(r))
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

// outline returns, for each row, its parent in the outline (the nearest
// row before it at a shallower indent, or -1 for none) and the end of its
// outline (the first row after it at its indent or shallower, or
// len(rows)): the rows between a row and its end are those it is a parent
// of, directly or through others. One pass keeps the rows still open, at
// rising indents, so that no row is passed over twice.
func outline(rows []Row) (parents, ends []int) {
	parents, ends = make([]int, len(rows)), make([]int, len(rows))
	var open []int
	for i, r := range rows {
		for len(open) > 0 && rows[open[len(open)-1]].Indent >= r.Indent {
			ends[open[len(open)-1]] = i
			open = open[:len(open)-1]
		}
		parents[i] = -1
		if len(open) > 0 {
			parents[i] = open[len(open)-1]
		}
		open = append(open, i)
	}
	for _, i := range open {
		ends[i] = len(rows)
	}
	return parents, ends
}

// nameRows returns the labels that findings name rows by: a row's label,
// preceded, where other rows have it, by those of as many parents (see
// outline) as tell it from them, up to MaxIndent, joined by " / ".
func nameRows(rows []Row, parents []int) []string {
	labels := make([]string, len(rows))
	last := make(map[string]int, len(rows)) // label → its last row
	prev := make([]int, len(rows))          // the row before of the same label, or -1
	for i, r := range rows {
		labels[i] = r.Label
		prev[i] = -1
		if p, ok := last[r.Label]; ok {
			prev[i] = p
		}
		last[r.Label] = i
	}
	next := slices.Clone(parents) // per row: the parent whose label its name takes next
	seen := map[string]int{}
	var group, still []int
	for _, i := range last {
		group = group[:0]
		for ; i >= 0; i = prev[i] {
			group = append(group, i)
		}
		for depth := 1; len(group) > 1 && depth <= MaxIndent; depth++ {
			longer := false
			for _, i := range group {
				if p := next[i]; p >= 0 {
					labels[i] = rows[p].Label + " / " + labels[i]
					next[i], longer = parents[p], true
				}
				seen[labels[i]]++
			}
			still = still[:0]
			for _, i := range group {
				if seen[labels[i]] > 1 {
					still = append(still, i)
				}
			}
			// Emptied by its own names, not by clear, which costs as
			// much as the most names it ever held.
			for _, i := range group {
				delete(seen, labels[i])
			}
			if !longer {
				break // names without another parent stay as they are
			}
			group, still = still, group
		}
	}
	return labels
}

// RowKey returns the key of the row that ref names: the row's key, or its
// label as printed, alone where no other row of the form has it (現金預金),
// else preceded by the labels of as many of its parents in the outline as
// tell it from the others, joined by / (事業用資産/土地), up to the whole
// path (固定資産/有形固定資産/事業用資産/土地). Labels are compared as the
// readers compare them: full- and half-width forms folded, spaces and note
// marks dropped. Rows without a key cannot be named.
//
// A label that no row has is an *Error wrapping ErrUnknown that lists the
// nearest labels of the form; one that names several rows, an *Error
// wrapping ErrDuplicate that lists their paths.
func (t *Template) RowKey(ref string) (string, error) {
	i, err := t.row(ref)
	if err != nil {
		ps := problems{source: t.form.name()}
		ps.add(0, ref, "", err)
		return "", ps.err()
	}
	return t.form.Rows[i].Key, nil
}

// lookup returns the index of the row that ref names, as RowKey does,
// without the cost of saying why there is none.
func (t *Template) lookup(ref string) (int, bool) {
	if i, ok := t.rowIndex[ref]; ok {
		return i, true
	}
	rows := t.labelled(ref, 2) // enough to tell one row from several
	if len(rows) != 1 {
		return 0, false
	}
	return rows[0], true
}

// row returns the index of the row that ref names, or an error that says
// why there is none: wrapping ErrUnknown where no row has it, ErrDuplicate
// where it names several.
func (t *Template) row(ref string) (int, error) {
	if i, ok := t.lookup(ref); ok {
		return i, nil
	}
	if len(t.labelled(ref, 2)) > 1 {
		return 0, fmt.Errorf("%w: %s", ErrDuplicate, t.noRow(ref))
	}
	return 0, fmt.Errorf("%w: %s", ErrUnknown, t.noRow(ref))
}

// noRow says why ref names no one row of t: no row has it, with the
// nearest labels, or it names several, with their paths.
func (t *Template) noRow(ref string) string {
	rows := t.labelled(ref, len(t.form.Rows))
	if len(rows) == 0 {
		return "no such row" + t.nearest(ref)
	}
	paths := make([]string, len(rows))
	for k, i := range rows {
		paths[k] = t.path(i)
	}
	return fmt.Sprintf("the label names %d rows: %s; give more of its path", len(rows), strings.Join(paths, ", "))
}

// keyed returns opt with the rows of its links and pins named by key, for
// those named by label (see Template.RowKey), so that every check finds
// them as it finds a key. A row that names no row of its statement is
// left as it is, for the check to report.
func (b *Book) keyed(opt VerifyOptions) VerifyOptions {
	key := func(statement, row string) string {
		s, ok := b.byID[statement]
		if !ok {
			return row
		}
		t := s.ready().t
		if i, ok := t.lookup(row); ok && t.form.Rows[i].Key != row {
			return t.form.Rows[i].Key
		}
		return row
	}
	// Most links and pins name keys: then they are used as they are,
	// without a copy.
	isKey := func(statement, row string) bool {
		s, ok := b.byID[statement]
		if !ok {
			return true // left for the check to report
		}
		_, found := s.ready().t.rowIndex[row]
		return found
	}
	keys := true
	for _, l := range opt.Links {
		for _, side := range [2][]Ref{l.Left, l.Right} {
			for _, r := range side {
				keys = keys && isKey(r.Statement, r.Row)
			}
		}
	}
	for _, p := range opt.Pins {
		keys = keys && isKey(p.Statement, p.Row)
	}
	if keys {
		return opt
	}
	refs := func(rs []Ref) []Ref {
		out := slices.Clone(rs)
		for i, r := range out {
			out[i].Row = key(r.Statement, r.Row)
		}
		return out
	}
	links := slices.Clone(opt.Links)
	for i, l := range links {
		links[i].Left, links[i].Right = refs(l.Left), refs(l.Right)
	}
	pins := slices.Clone(opt.Pins)
	for i, p := range pins {
		pins[i].Row = key(p.Statement, p.Row)
	}
	opt.Links, opt.Pins = links, pins
	return opt
}

// unknownRow returns the error of the n-th reference to a row that the
// form does not have, counting them in n: the first few name the nearest
// labels (see row), the rest only the reference, so that a file of many
// bad rows costs no edit distances beyond what an error message shows.
func (t *Template) unknownRow(ref string, n *int) error {
	if *n++; *n <= problem.MaxListed {
		_, err := t.row(ref)
		return err
	}
	return fmt.Errorf("%w: no such row", ErrUnknown)
}

// labelled returns the rows with a key whose label, or label path, is ref:
// the first limit of them, in order.
//
// A path's rows are those of its last label under the labels before it
// (see under). Where one of those labels has fewer rows than the last, only
// the rows in their outlines (see outline) are looked at, found by binary
// search: a label that repeats throughout a form (その他) costs no more than
// the rarest parent named with it.
func (t *Template) labelled(ref string, limit int) []int {
	whole := normalLabel(ref)
	if whole == "" {
		return nil
	}
	var out []int
	// A label may itself hold a slash (a full-width ／ folds to one).
	for _, i := range t.byLabel[whole] {
		if len(out) == limit {
			return out
		}
		if t.form.Rows[i].Key != "" {
			out = append(out, i)
		}
	}
	segs := strings.FieldsFunc(ref, isSlash)
	if len(out) > 0 || len(segs) < 2 {
		return out
	}
	for k := range segs {
		segs[k] = normalLabel(segs[k])
	}
	path, rows := segs[:len(segs)-1], t.byLabel[segs[len(segs)-1]]
	// add adds the rows of run under path, and reports whether out has
	// room for more.
	add := func(run []int) bool {
		for _, i := range run {
			if len(out) == limit {
				return false
			}
			if t.form.Rows[i].Key != "" && t.under(i, path) {
				out = append(out, i)
			}
		}
		return true
	}
	outer := rows
	for _, seg := range path {
		if o := t.byLabel[seg]; len(o) < len(outer) {
			outer = o
		}
	}
	if len(outer) == len(rows) {
		add(rows)
		return out
	}
	from := 0 // rows[:from] are before the outline of the next of outer
	for _, p := range outer {
		lo, _ := slices.BinarySearch(rows[from:], p+1)
		lo += from
		hi, _ := slices.BinarySearch(rows[lo:], t.ends[p])
		hi += lo
		if !add(rows[lo:hi]) {
			break
		}
		from = hi // a row of outer in the outline of another adds none
	}
	return out
}

// isSlash reports whether r parts the labels of a path: / or ／.
func isSlash(r rune) bool { return r == '/' || r == '／' }

// under reports whether the parents of row i hold the labels of path, in
// its order from the outermost, not necessarily every parent.
func (t *Template) under(i int, path []string) bool {
	k := len(path) - 1
	for p := t.parents[i]; p >= 0 && k >= 0; p = t.parents[p] {
		if t.normals[p] == path[k] {
			k--
		}
	}
	return k < 0
}

// path returns the label of row i preceded by those of all its parents,
// joined by /, as RowKey reads it.
func (t *Template) path(i int) string {
	labels := []string{t.form.Rows[i].Label}
	for p := t.parents[i]; p >= 0; p = t.parents[p] {
		labels = append(labels, t.form.Rows[p].Label)
	}
	slices.Reverse(labels)
	return strings.Join(labels, "/")
}

// maxNearest is how many labels an unknown one is said to be near.
const maxNearest = 5

// nearest returns, for a label no row has, the paths of the rows whose
// labels are nearest its last part by edit distance, at most twice as far
// as the nearest, as "; the nearest labels: …"; or "" where none is within
// half the label's length.
func (t *Template) nearest(ref string) string {
	last := ref
	if segs := strings.FieldsFunc(ref, isSlash); len(segs) > 0 {
		last = segs[len(segs)-1]
	}
	want := []rune(normalLabel(last))
	type near struct{ row, dist int }
	var all []near
	for i, r := range t.form.Rows {
		if r.Key != "" {
			all = append(all, near{i, editDistance(want, []rune(t.normals[i]))})
		}
	}
	slices.SortStableFunc(all, func(a, b near) int { return a.dist - b.dist })
	// Labels farther than half the label's length from it are no
	// misspelling of it: a key, say, is near none.
	if len(all) == 0 || all[0].dist > len(want)/2 {
		return ""
	}
	var paths []string
	for _, n := range all[:min(maxNearest, len(all))] {
		if n.dist > max(1, 2*all[0].dist) {
			break // far from all the nearer ones
		}
		paths = append(paths, t.path(n.row))
	}
	return "; the nearest labels: " + strings.Join(paths, ", ")
}

// maxEdit bounds the runes editDistance compares, so that a huge label in
// bad input costs no more than a long one.
const maxEdit = 64

// editDistance returns the Levenshtein distance between the first maxEdit
// runes of a and of b.
func editDistance(a, b []rune) int {
	a, b = a[:min(len(a), maxEdit)], b[:min(len(b), maxEdit)]
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
