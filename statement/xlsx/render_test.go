package xlsx_test

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/koukaikei/koukaikei/statement/xlsx"
)

var update = flag.Bool("update", false, "keep the picture of the rendered workbook in testdata")

// LibreOffice, an independent program, opens what Write writes and prints
// it: the workbook is converted to PDF and its first page, the
// 貸借対照表, to a picture. With -update the picture is kept as
// testdata/minato-bs.png, which the README shows. It skips where
// LibreOffice (Debian's libreoffice-calc) or pdftoppm (poppler-utils) is
// not installed.
func TestRenderByLibreOffice(t *testing.T) {
	for _, tool := range []string{"soffice", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("skip: %s is not installed (Debian's libreoffice-calc and poppler-utils)", tool)
		}
	}
	b := readBook(t, "minato-consolidated.xlsx")
	var buf bytes.Buffer
	if err := xlsx.WriteBook(&buf, b, xlsx.Options{}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	book := filepath.Join(dir, "minato.xlsx")
	if err := os.WriteFile(book, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("soffice", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "pdf", "--outdir", dir, book).CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	png := filepath.Join(dir, "page")
	if out, err := exec.Command("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", filepath.Join(dir, "minato.pdf"), png).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	data, err := os.ReadFile(png + ".png")
	if err != nil || len(data) < 1000 {
		t.Fatalf("no picture: %v, %d bytes", err, len(data))
	}
	if *update {
		if err := os.WriteFile("testdata/minato-bs.png", data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
