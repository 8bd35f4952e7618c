package statement

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteMarkdown writes s as a Markdown section: a heading with the form
// number and title, a line with the date, entity and unit, and a table whose
// labels are indented with ideographic spaces and whose amount columns align
// right. Notes follow the table. Vertical forms print as their matrix.
func (s *Statement) WriteMarkdown(w io.Writer) error {
	s = s.ready()
	bw := bufio.NewWriter(w)
	title := strings.TrimSpace(s.t.form.Number + " " + s.t.form.Title)
	fmt.Fprintf(bw, "### %s\n\n", escapeMarkdown(title))
	var meta []string
	for _, m := range []string{s.meta.DateLine(), s.meta.Entity} {
		if m != "" {
			meta = append(meta, escapeMarkdown(m))
		}
	}
	meta = append(meta, fmt.Sprintf("（単位：%s）", s.meta.Unit))
	fmt.Fprintf(bw, "%s\n\n", strings.Join(meta, "　"))
	table, right := s.table()
	for k, rec := range table {
		cells := make([]string, len(rec))
		for c, cell := range rec {
			cells[c] = escapeMarkdown(cell)
		}
		fmt.Fprintf(bw, "| %s |\n", strings.Join(cells, " | "))
		if k == 0 {
			align := make([]string, len(rec))
			for c := range rec {
				align[c] = ":---"
				if right[c] {
					align[c] = "---:"
				}
			}
			fmt.Fprintf(bw, "| %s |\n", strings.Join(align, " | "))
		}
	}
	for _, note := range s.meta.Notes {
		fmt.Fprintf(bw, "\n%s\n", escapeMarkdown(note))
	}
	return bw.Flush()
}

// markdownEscaper keeps a label or text one literal table cell: the
// characters Markdown reads as markup are escaped, line breaks become
// spaces, and HTML's special characters become entities, so that a label
// such as <script> prints as text.
var markdownEscaper = strings.NewReplacer(`|`, `\|`, `\`, `\\`, "\r\n", " ", "\n", " ", "\r", " ", "*", `\*`, "_", `\_`,
	"<", "&lt;", ">", "&gt;", "&", "&amp;", "`", "\\`", "[", `\[`, "]", `\]`)

func escapeMarkdown(s string) string { return markdownEscaper.Replace(s) }
