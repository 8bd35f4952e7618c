package statement_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
	"github.com/shopspring/decimal"
)

// smallBook returns a book of the small 決算報告書 under the id kessan and
// a note that repeats its 現金及び預金 under the id note.
func smallBook(t *testing.T, noteCash int64) *statement.Book {
	t.Helper()
	note := &statement.Form{Title: "現金及び預金の内訳", Columns: amount,
		Rows: []statement.Row{{Key: "cash", Kind: statement.Item, Label: "現金及び預金"}}}
	var b statement.Book
	for _, s := range []struct {
		id string
		s  *statement.Statement
	}{
		{"kessan", mustBuild(smallForm(), statement.Meta{}, smallFigures())},
		{"note", mustBuild(note, statement.Meta{}, []statement.Figure{{Row: "cash", Column: "金額", Value: yen(noteCash)}})},
	} {
		if err := b.Add(s.id, s.s); err != nil {
			t.Fatal(err)
		}
	}
	return &b
}

func TestBookAdd(t *testing.T) {
	b := smallBook(t, 1)
	if ids := b.IDs(); len(ids) != 2 || ids[0] != "kessan" || ids[1] != "note" || b.Len() != 2 {
		t.Errorf("IDs = %q", ids)
	}
	if s, ok := b.Statement("note"); !ok || s.Form().Title != "現金及び預金の内訳" {
		t.Errorf("Statement(note) = %v, %v", s, ok)
	}
	if _, ok := b.Statement("bs"); ok {
		t.Error("Statement of an unknown id")
	}
	s := &statement.Statement{}
	for _, tt := range []struct {
		id   string
		s    *statement.Statement
		want error
	}{
		{"note", s, statement.ErrDuplicate},
		{"", s, statement.ErrSyntax},
		{"a+b", s, statement.ErrSyntax},
		{"-a", s, statement.ErrSyntax},
		{" a", s, statement.ErrSyntax},
		{"a", nil, statement.ErrMissing},
	} {
		err := b.Add(tt.id, tt.s)
		if !errors.Is(err, tt.want) || !isError(err) || !strings.Contains(err.Error(), tt.id) {
			t.Errorf("Add(%q) = %v, want %v", tt.id, err, tt.want)
		}
	}
	if b.Len() != 2 {
		t.Errorf("a failed Add changed the book: %q", b.IDs())
	}
	var zero statement.Book
	if zero.Len() != 0 || len(zero.IDs()) != 0 || len(zero.Compare(&zero)) != 0 || !zero.Verify(statement.VerifyOptions{}).OK() {
		t.Error("the zero Book is not empty")
	}
}

func TestReadLinksCSV(t *testing.T) {
	links, err := statement.ReadLinksCSV(strings.NewReader("\uFEFFname,left,right,note\n"+
		"a,bs-general:1900:金額,bs-general:3990:金額 + -prev:bs-general:3990:金額,within\n"+
		"b,-pl:4900:金額,x:y:z,\n"), "links.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := []statement.Link{
		{Name: "a", Note: "within", Left: []statement.Ref{{Statement: "bs-general", Row: "1900", Column: "金額"}},
			Right: []statement.Ref{{Statement: "bs-general", Row: "3990", Column: "金額"}, {Statement: "prev:bs-general", Row: "3990", Column: "金額", Negative: true}}},
		{Name: "b", Left: []statement.Ref{{Statement: "pl", Row: "4900", Column: "金額", Negative: true}}, Right: []statement.Ref{{Statement: "x", Row: "y", Column: "z"}}},
	}
	if len(links) != len(want) {
		t.Fatalf("links = %+v", links)
	}
	for i := range want {
		if links[i].String() != want[i].String() || links[i].Name != want[i].Name || links[i].Note != want[i].Note {
			t.Errorf("link %d = %+v, want %+v", i, links[i], want[i])
		}
	}
	if got := links[0].String(); got != "bs-general:1900:金額=bs-general:3990:金額+-prev:bs-general:3990:金額" {
		t.Errorf("String = %s", got)
	}
	for _, tt := range []struct {
		name, in string
		want     error
		line     int
	}{
		{"no header", "", statement.ErrMissing, 1},
		{"no right", "name,left\n", statement.ErrMissing, 1},
		{"unknown column", "name,left,right,broken\n", statement.ErrUnknown, 1},
		{"short term", "name,left,right\na,bs:1900,bs:1:x\n", statement.ErrSyntax, 2},
		{"empty row", "name,left,right\na,bs::金額,bs:1:x\n", statement.ErrSyntax, 2},
		{"empty column", "name,left,right\na,bs:1:,bs:1:x\n", statement.ErrSyntax, 2},
		{"empty statement", "name,left,right\na,:1:x,bs:1:x\n", statement.ErrSyntax, 2},
		{"empty term", "name,left,right\na,bs:1:x+,bs:1:x\n", statement.ErrSyntax, 2},
		{"empty side", "name,left,right\na,,bs:1:x\n", statement.ErrMissing, 2},
		{"no name", "name,left,right\n,bs:1:x,bs:1:x\n", statement.ErrMissing, 2},
		{"twice", "name,left,right\na,bs:1:x,bs:1:x\na,bs:1:x,bs:1:x\n", statement.ErrDuplicate, 3},
		{"fields", "name,left,right\na,bs:1:x\n", statement.ErrSyntax, 2},
		{"encoding", "name,left,right\na,\xff\xff,b\n", statement.ErrEncoding, 2},
	} {
		_, err := statement.ReadLinksCSV(strings.NewReader(tt.in), "links.csv")
		p, ok := firstProblem(err)
		if !errors.Is(err, tt.want) || !ok || p.Line != tt.line || !strings.Contains(err.Error(), "links.csv") {
			t.Errorf("%s: %v (line %d), want %v at line %d", tt.name, err, p.Line, tt.want, tt.line)
		}
	}
}

func TestReadPinsCSV(t *testing.T) {
	pins, err := statement.ReadPinsCSV(strings.NewReader("statement,row,column,printed,reason,link\n"+
		"kessan,1100,決算額,\"47,469,521,163\",typed so,\n"+
		"kessan,1100,決算額,△ 5,another link,l\n"+
		"note,cash,金額,-,none printed,\n"), "pins.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(pins) != 3 || !pins[0].Printed.Equal(yen(47469521163)) || pins[0].Reason != "typed so" || pins[1].Link != "l" ||
		!pins[1].Printed.Equal(yen(-5)) || pins[2].Printed.Valid {
		t.Errorf("pins = %+v", pins)
	}
	for _, tt := range []struct {
		name, in string
		want     error
	}{
		{"no reason column", "statement,row,column,printed\n", statement.ErrMissing},
		{"no reason", "statement,row,column,printed,reason\na,b,c,1,\n", statement.ErrMissing},
		{"no row", "statement,row,column,printed,reason\na,,c,1,r\n", statement.ErrMissing},
		{"no figure", "statement,row,column,printed,reason\na,b,c,,r\n", statement.ErrMissing},
		{"bad figure", "statement,row,column,printed,reason\na,b,c,1x,r\n", format.ErrSyntax},
		{"unit", "statement,row,column,printed,reason\na,b,c,5千円,r\n", statement.ErrSyntax},
		{"twice", "statement,row,column,printed,reason\na,b,c,1,r\na,b,c,2,r\n", statement.ErrDuplicate},
	} {
		if _, err := statement.ReadPinsCSV(strings.NewReader(tt.in), "pins.csv"); !errors.Is(err, tt.want) || !isError(err) {
			t.Errorf("%s: %v, want %v", tt.name, err, tt.want)
		}
	}
}

func TestBookVerify(t *testing.T) {
	b := smallBook(t, 32200729070)
	links := []statement.Link{
		{Name: "注記 現金及び預金 = 決算報告書", Left: []statement.Ref{{Statement: "note", Row: "cash", Column: "金額"}},
			Right: []statement.Ref{{Statement: "kessan", Row: "1110", Column: "決算額"}}},
		{Name: "unknown", Left: []statement.Ref{{Statement: "pl", Row: "1", Column: "金額"}, {Statement: "note", Row: "x", Column: "金額"},
			{Statement: "note", Row: "cash", Column: "備考"}}, Right: nil},
	}
	pin := statement.Pin{Statement: "note", Row: "cash", Column: "金額", Link: links[0].Name,
		Printed: format.CellOf(decimal.NewFromInt(32200729070)), Reason: "the note drops a yen"}
	r := b.Verify(statement.VerifyOptions{Links: links, Pins: []statement.Pin{pin}})
	if p := r.Pinned(); len(p) != 1 || p[0].Reason != pin.Reason || p[0].Kind != statement.LinkBroken ||
		p[0].String() != "note: 現金及び預金 金額: link 注記 現金及び預金 = 決算報告書: got 32,200,729,070円, want 32,200,729,071円: the note drops a yen" {
		t.Errorf("Pinned = %v", p)
	}
	u := r.Unexpected()
	var got []string
	for _, f := range u {
		got = append(got, f.String())
	}
	want := []string{
		"pl: 1 金額: link unknown: no such statement",
		"note: x 金額: link unknown: no such row",
		"note: cash 備考: link unknown: no such amount column",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") || r.OK() {
		t.Errorf("Unexpected:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// A pin of a figure the book reproduces, or of another figure than the
	// one printed, is stale.
	stale := []statement.Pin{
		{Statement: "kessan", Row: "1100", Column: "決算額", Printed: yen(47469521136), Reason: "not so"},
		pin,
	}
	stale[1].Printed = yen(1)
	r = b.Verify(statement.VerifyOptions{Links: links[:1], Pins: stale})
	u = r.Unexpected()
	if len(u) != 3 || u[0].Kind != statement.LinkBroken || u[1].Kind != statement.StalePin || u[2].Kind != statement.StalePin ||
		u[1].Reason != "not so" || !strings.Contains(u[1].String(), "stale pin") || !strings.Contains(u[2].String(), "the book prints another figure") {
		t.Errorf("stale pins: %v", u)
	}
	if len(r.Pinned()) != 0 {
		t.Errorf("a stale pin counts as pinned: %v", r.Pinned())
	}
}

// With a built book, Verify compares it with the published one, statement
// by statement; identities of the published statements are not verified
// on their own.
func TestBookVerifyBuilt(t *testing.T) {
	published, built := smallBook(t, 1), smallBook(t, 2)
	r := published.Verify(statement.VerifyOptions{Built: built})
	if u := r.Unexpected(); len(u) != 1 || u[0].Statement != "note" || u[0].Kind != statement.AmountDiffers {
		t.Errorf("Verify against a built book = %v", u)
	}
	var short statement.Book
	short.Add("note", mustBuild(&statement.Form{Columns: amount}, statement.Meta{}, nil))
	short.Add("extra", &statement.Statement{})
	fs := short.Compare(published)
	if len(fs) < 3 || fs[0].Kind != statement.StatementMissing || fs[0].Statement != "kessan" ||
		fs[len(fs)-1].Kind != statement.StatementMissing || fs[len(fs)-1].Statement != "extra" ||
		fs[0].String() != "kessan: missing statement: no such statement" {
		t.Errorf("Compare of books = %v", fs)
	}

	// Without one, the identities of the published statements are
	// verified: a 千円 total that its items do not give.
	scaled := &statement.Book{}
	k, _ := published.Statement("kessan")
	scaled.Add("kessan", k.Scale(statement.Scaling{Unit: format.Million}))
	r = scaled.Verify(statement.VerifyOptions{Pins: []statement.Pin{
		{Statement: "kessan", Row: "1100", Column: "予算額", Printed: yen(56891), Reason: "rounded from the exact figures"}}})
	if p := r.Pinned(); len(p) != 1 || p[0].Kind != statement.IdentityBroken || p[0].Statement != "kessan" {
		t.Errorf("Pinned = %v; unexpected %v", p, r.Unexpected())
	}
}
