package printout

import "testing"

func TestIsolateTokens(t *testing.T) {
	const lri, pdi = "\u2066", "\u2069"
	for in, want := range map[string]string{
		"على الرقم 05531 707-0.":              "على الرقم " + lri + "05531 707-0" + pdi + ".",
		"اتصل على +49 40 42863-3345، شكراً":   "اتصل على " + lri + "+49 40 42863-3345" + pdi + "، شكراً",
		"راجع www.existenzgruender.de.":       "راجع " + lri + "www.existenzgruender.de" + pdi + ".",
		"(https://example.org/a?b=1&c=ä) هنا": "(" + lri + "https://example.org/a?b=1&c=ä" + pdi + ") هنا",
		"البريد a.b@example.org،":             "البريد " + lri + "a.b@example.org" + pdi + "،",
		"من 2017 حتى 2020":                    "من 2017 حتى 2020", // single numbers need no help
		"۰۸:۰۰–۱۶:۰۰":                         "۰۸:۰۰–۱۶:۰۰",
	} {
		if got := isolateTokens(in); got != want {
			t.Errorf("isolateTokens(%q)\n got %q\nwant %q", in, got, want)
		}
	}
}

// TestRightToLeftLayoutIsMirrored: in Arabic the QR codes stand on the
// left, the text is right-aligned, and bullets stand right of their items;
// in German the other way round.
func TestRightToLeftLayoutIsMirrored(t *testing.T) {
	c := sample(t)
	for _, lang := range []string{"ar", "de"} {
		rtl := lang == "ar"
		d, err := newDoc(c, Options{Lang: lang, District: "03255", Now: testTime})
		if err != nil {
			t.Fatal(err)
		}
		_, blocks, err := d.sheet(sampleOffers)
		if err != nil {
			t.Fatal(err)
		}
		items, _ := paginate(blocks)
		for _, it := range items {
			if it.kind != qrItem {
				continue
			}
			if left := it.x+it.w < pageW/2; left != rtl {
				t.Errorf("%s: QR code at x %.0f mm", lang, it.x)
			}
		}
		// The offer titles end at the right margin in Arabic, start at the left one in German.
		for _, b := range blocks[1:] {
			title := b.items[1] // after the rule
			if rtl && title.x+title.w < pageW-marginX-0.5 || !rtl && title.x != marginX {
				t.Errorf("%s: title at %.1f–%.1f mm", lang, title.x, title.x+title.w)
			}
		}

		br, err := d.view.Brochure("gruenden-im-landkreis-holzminden")
		if err != nil {
			t.Fatal(err)
		}
		b := d.sectionBlock(br.Sections[1], "")
		bullets := 0
		for i, it := range b.items {
			if it.kind != textItem || len(it.pieces) != 1 || it.pieces[0].text != "•" {
				continue
			}
			bullets++
			next := b.items[i+1] // the item's first line, at the same height
			if next.y != it.y || (it.x > next.x) != rtl {
				t.Errorf("%s: bullet at %.1f, its text at %.1f–%.1f", lang, it.x, next.x, next.x+next.w)
			}
		}
		if bullets < 3 {
			t.Errorf("%s: %d bullets", lang, bullets)
		}
	}
}
