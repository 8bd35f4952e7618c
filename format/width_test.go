package format_test

import (
	"testing"

	"github.com/koukaikei/koukaikei/format"
)

func TestDisplayWidth(t *testing.T) {
	tests := []struct {
		name       string
		s          string
		narrow     int // AmbiguousWide false
		ambiguous2 int // AmbiguousWide true
	}{
		{"ASCII", "1,234", 5, 5},
		{"kanji", "現金及び預金", 12, 12},
		{"full-width digits", "７６", 4, 4},
		{"half-width kana with voicing mark", "ｶﾞ", 2, 2},
		{"combining voicing mark", "か\u3099", 2, 2},
		{"triangle is ambiguous", "△260,000,000", 12, 13},
		{"circled digit is ambiguous", "①", 1, 2},
		{"reference mark is ambiguous", "事業費 ※１", 10, 11},
		{"ideographic space", "\u3000", 2, 2},
		{"zero-width space", "a\u200bb", 2, 2},
		{"control characters", "a\tb\n", 2, 2},
		{"invalid UTF-8 shows as U+FFFD", "a\xffb", 3, 4},
		{"empty", "", 0, 0},
	}
	for _, tt := range tests {
		if got := (format.Display{}).Width(tt.s); got != tt.narrow {
			t.Errorf("%s: Display{}.Width(%q) = %d, want %d", tt.name, tt.s, got, tt.narrow)
		}
		if got := (format.Display{AmbiguousWide: true}).Width(tt.s); got != tt.ambiguous2 {
			t.Errorf("%s: Display{AmbiguousWide}.Width(%q) = %d, want %d", tt.name, tt.s, got, tt.ambiguous2)
		}
	}
}

func TestDisplayPad(t *testing.T) {
	d := format.Display{}
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"label", d.PadRight("未収金", 10), "未収金    "},
		{"figure", d.PadLeft("△ 70,000", 12), "    △ 70,000"},
		{"too wide left", d.PadLeft("現金及び預金", 4), "現金及び預金"},
		{"too wide right", d.PadRight("現金及び預金", 12), "現金及び預金"},
		{"ambiguous wide", format.Display{AmbiguousWide: true}.PadLeft("△1", 4), " △1"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}
