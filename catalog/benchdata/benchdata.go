// Package benchdata writes synthetic catalogue source folders of any size,
// for benchmarks and load tests of the catalogue core: how long `catalog
// build` takes on a national catalogue, how large the compiled file gets,
// how fast a kiosk opens it and searches it.
//
// A generated folder follows the source format exactly (source.Load finds no
// problem in it) and is shaped like a real one: the 16 Länder and their
// Kreise, offers for the whole country, a Land or one or a few Kreise,
// texts of a few hundred characters made of German domain words and long
// compounds ("Existenzgründungsberatung"), translations in Latin, Arabic,
// Cyrillic and Ethiopic script for part of the offers, events and brochures.
// The words are not real sentences, but their letters are distributed like
// real text's, which is what finding words inside words depends on.
//
// The same Params always give the same folder, byte for byte.
package benchdata

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"

	"wegweiser/catalog"
)

// Params sizes a generated catalogue.
type Params struct {
	Seed          uint64  // of the random numbers: another seed, other words and places
	Kreise        int     // Kreise and kreisfreie Städte, spread over the 16 Länder as in Germany
	Offers        int     // about 5 % for the whole country, 20 % for a Land, the rest for one to three Kreise
	Events        int     // for a Kreis or a Land, from a month before Now to most of a year after
	Brochures     int     // one for each of this many Kreise
	Languages     int     // how many of the known languages the catalogue has, German (the source) and English first; at most 12
	Translated    float64 // the share of offers, events and brochures translated into each other language
	TextLength    int     // typical length in characters of a description or a brochure page
	OffersPerFile int     // offers are split into files of at most this many, per Land
}

// National is a catalogue for all of Germany, as a national coordinator
// might publish it.
func National() Params {
	return Params{Seed: 1, Kreise: 400, Offers: 10000, Events: 800, Brochures: 120, Languages: 12,
		Translated: 0.5, TextLength: 600, OffersPerFile: 400}
}

// Small is a catalogue for quick tests: a few Kreise, a few hundred offers.
func Small() Params {
	return Params{Seed: 1, Kreise: 20, Offers: 200, Events: 20, Brochures: 4, Languages: 5,
		Translated: 0.5, TextLength: 300, OffersPerFile: 50}
}

// Now is the moment at which the generated catalogue is meant to be seen:
// most offers are valid then, and most events still to come.
var Now = time.Date(2027, 1, 15, 10, 0, 0, 0, catalog.Berlin)

// Query is something a visitor might type, in the language of the kiosk's
// screen.
type Query struct {
	Lang string
	Text string
}

// Queries is a realistic mix of searches against a generated catalogue,
// of words of 3 to 12 letters: German words with and without their
// diacritics, parts of compounds ("gründungs" in
// "Existenzgründungsberatung"), two words, words of the other scripts, a
// word that is nowhere (so that the fallback languages are searched too),
// and the one or two letters typed first.
var Queries = []Query{
	{"de", "Gründung"}, {"de", "grundung"}, {"de", "Beratung"}, {"de", "Finanzierung"}, {"de", "finanzierung"},
	{"de", "gründungs"}, {"de", "Existenz"}, {"de", "Mikrokredit"}, {"de", "Kurs"}, {"de", "Förder"}, {"de", "forder"},
	{"de", "Amt"}, {"de", "Steuer"}, {"de", "Anerkennung Abschluss"}, {"de", "Zahnarzt"},
	{"de", "Gr"}, {"de", "B"}, {"de", "Ex"},
	{"en", "financing"}, {"en", "loan"}, {"en", "start-up advice"}, {"en", "Gründung"}, {"en", "st"},
	{"ar", "تمويل"}, {"ar", "التأسيس"}, {"ar", "قرض"}, {"ar", "ت"},
	{"tr", "kredi"}, {"tr", "danışmanlık"}, {"tr", "dan"},
	{"ru", "консультация"}, {"ru", "бизнес"}, {"ru", "кредит"}, {"ru", "к"},
	{"uk", "консультац"}, {"uk", "фінансування"},
	{"fa", "مشاوره"}, {"pl", "finansowanie"}, {"ro", "finanțare"},
	{"ti", "ንግዲ"}, {"ti", "ምኽሪ"}, {"so", "ganacsi"}, {"ku", "karsazî"},
}

// Generate writes a source folder for p into dir, which it creates; dir
// should be empty or missing.
func Generate(dir string, p Params) error {
	if p.Languages < 1 || p.Languages > len(languages) {
		return fmt.Errorf("benchdata: %d languages; between 1 and %d can be generated", p.Languages, len(languages))
	}
	if p.Kreise < 1 || p.Offers < 1 || p.OffersPerFile < 1 || p.TextLength < 40 {
		return fmt.Errorf("benchdata: parameters too small: %+v", p)
	}
	g := &generator{p: p, dir: dir, r: rand.New(rand.NewPCG(p.Seed, 0x57475743)), langs: languages[:p.Languages],
		townsUsed: map[string]bool{}}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, step := range []func() error{g.catalogFile, g.districtsFile, g.categoriesFile, g.offerFiles, g.eventFiles, g.brochureFiles} {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

type generator struct {
	p     Params
	dir   string
	r     *rand.Rand
	langs []*lexicon

	townsUsed map[string]bool
	länder    []land
	kreise    []kreis
	offersIn  map[string][]string // Kreis id → ids of offers for it alone
}

type land struct {
	id, name string
	kreise   []int // indexes into generator.kreise
}

type kreis struct {
	id, town string
	land     int
}

// create opens a file of the folder for writing.
func (g *generator) create(name string) (*tomlFile, error) {
	path := filepath.Join(g.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	return createTOML(path, g.langs)
}

func (g *generator) catalogFile() error {
	f, err := g.create("catalog.toml")
	if err != nil {
		return err
	}
	codes := make([]string, len(g.langs))
	for i, lx := range g.langs {
		codes[i] = lx.code
	}
	f.comment("Generated by wegweiser/catalog/benchdata: synthetic data for benchmarks, not real offers.")
	f.int("format", 1)
	f.str("id", "benchmark-national")
	f.str("source_language", "de")
	f.list("languages", codes)
	f.text("title", g.translations(catalog.Text{"de": "Gründen in Deutschland: Beratung und Förderung"}, 1, func(lx *lexicon) string {
		return g.phrase(lx, 3, 6, "")
	}))
	f.str("publisher", "Synthetische Testdaten")
	return f.close()
}

// The Länder with their number of Kreise and kreisfreie Städte (400 in all).
var länder = []struct {
	id, name string
	kreise   int
}{
	{"01", "Schleswig-Holstein", 15}, {"02", "Hamburg", 1}, {"03", "Niedersachsen", 45}, {"04", "Bremen", 2},
	{"05", "Nordrhein-Westfalen", 53}, {"06", "Hessen", 26}, {"07", "Rheinland-Pfalz", 36}, {"08", "Baden-Württemberg", 44},
	{"09", "Bayern", 96}, {"10", "Saarland", 6}, {"11", "Berlin", 1}, {"12", "Brandenburg", 18},
	{"13", "Mecklenburg-Vorpommern", 8}, {"14", "Sachsen", 13}, {"15", "Sachsen-Anhalt", 14}, {"16", "Thüringen", 22},
}

func (g *generator) districtsFile() error {
	f, err := g.create("districts.toml")
	if err != nil {
		return err
	}
	for li, l := range länder {
		n := max(1, int(math.Round(float64(l.kreise*g.p.Kreise)/400)))
		ld := land{id: l.id, name: l.name}
		f.table("district")
		f.str("id", l.id)
		f.text("name", g.translations(catalog.Text{"de": l.name}, g.p.Translated, func(lx *lexicon) string {
			return g.placeName(lx, l.name)
		}))
		for j := range n {
			k := kreis{id: fmt.Sprintf("%s%d%02d", l.id, 1+j/50, 1+j%50), town: g.town(), land: li}
			ld.kreise = append(ld.kreise, len(g.kreise))
			g.kreise = append(g.kreise, k)
			prefix := []string{"Landkreis ", "Landkreis ", "Landkreis ", "Kreis ", "Stadt "}[g.r.IntN(5)]
			f.table("district")
			f.str("id", k.id)
			f.text("name", g.translations(catalog.Text{"de": prefix + k.town}, g.p.Translated, func(lx *lexicon) string {
				return lx.district + " " + g.placeName(lx, k.town)
			}))
		}
		g.länder = append(g.länder, ld)
	}
	return f.close()
}

// categories: id, icon, German name, and the share of offers in it.
var categories = []struct {
	id, icon, name string
	weight         int
}{
	{"founding-advice", "advice", "Gründungsberatung", 40}, {"financing", "financing", "Finanzierung und Förderung", 20},
	{"recognition", "recognition", "Anerkennung von Abschlüssen", 10}, {"networks", "network", "Netzwerke", 8},
	{"language-courses", "language", "Sprachkurse", 8}, {"training", "training", "Weiterbildung und Coaching", 6},
	{"succession", "info", "Betriebsübernahme und Nachfolge", 3}, {"women", "advice", "Gründerinnen", 3},
	{"events", "event", "Veranstaltungen", 1}, {"legal-tax", "info", "Recht und Steuern", 1},
}

func (g *generator) categoriesFile() error {
	f, err := g.create("categories.toml")
	if err != nil {
		return err
	}
	de := g.langs[0]
	for _, c := range categories {
		f.table("category")
		f.str("id", c.id)
		f.text("name", g.translations(catalog.Text{"de": c.name}, 1, func(lx *lexicon) string { return g.phrase(lx, 1, 3, "") }))
		f.text("description", g.translations(catalog.Text{"de": g.prose(de, 60, 160, "")}, 0.8, func(lx *lexicon) string {
			return g.prose(lx, 60, 160, "")
		}))
		f.str("icon", c.icon)
	}
	return f.close()
}

// translations adds to t, in each language but the source, a text made by
// write, with probability share.
func (g *generator) translations(t catalog.Text, share float64, write func(*lexicon) string) catalog.Text {
	for _, lx := range g.langs[1:] {
		if g.r.Float64() < share {
			t[lx.code] = write(lx)
		}
	}
	return t
}

// town makes a new German-sounding place name.
func (g *generator) town() string {
	for tries := 0; ; tries++ {
		name := townFirst[g.r.IntN(len(townFirst))] + townLast[g.r.IntN(len(townLast))]
		if tries > 20 {
			name = upperFirst(syllables(g.r, latinOnsets, "aeiou", "nrl", 1, 2)) + townLast[g.r.IntN(len(townLast))]
		}
		if !g.townsUsed[name] {
			g.townsUsed[name] = true
			return name
		}
	}
}

var (
	townFirst = words(`Holz Cloppen Esch Witzen Rhein Main Neu Alt Ober Nieder Wald Sonnen Lich Hild Gött Wolfs Biel Ost West
		Süd Nord Marien Lud Fried Königs Rosen Lauter Kirch Mühl Stein Eschen Lin Grün Roth Hohen Schön Sankt Heiligen
		Hamel Nort Oster Gos Uel Lüne Ver Nien Diep Vech Heides Wester Ems Hers Pader Soes Olpe Sieg Wetz Fulda Kassel Weil
		Lim Ingel Kai Bit Trier Zwei Pirma Ulm Heiden Kemp Lindau Passau Regens Deggen Cham Amberg Hof Bam Coburg Kulm
		Erlan Ansbach Dachs Frei Traun Rosen Gars Mühl Alz Lands Stra Pren Ucker Barn Havel Oder Spree Elbe Saale Harz
		Börde Alt Wernige Nord Eichs Gotha Greiz Sonne Schmal Ilm Zwick Baut Görl Meiß Mittel Erz Vogt Leip Delitz Torg`)
	townLast = words(`minden burg hausen heim berg feld dorf stadt au bach ingen rode hagen stedt born brück furt lar leben
		kirchen hofen garten see wald tal ow itz ach horn büttel münde kamp loh sen`)
)

// placeName writes a German place name in lx's script.
func (g *generator) placeName(lx *lexicon, name string) string {
	if lx.translit == nil {
		return name
	}
	return lx.translit(name)
}

// word picks one word: mostly short function words and domain words, the
// frequent ones more often, some German compounds, made-up words and the
// place name of the text.
func (g *generator) word(lx *lexicon, place string) string {
	n := g.r.IntN(100)
	switch {
	case n < 38:
		return zipf(g.r, lx.function)
	case n < 90 && lx.compounds && n >= 80:
		return g.compound()
	case n < 90:
		return zipf(g.r, lx.domain)
	case n < 93 && place != "":
		return g.placeName(lx, place)
	default:
		return lx.script(g.r)
	}
}

// zipf picks from list, the front much more often than the back.
func zipf(r *rand.Rand, list []string) string {
	u := r.Float64()
	return list[int(float64(len(list))*u*u)]
}

// compound glues German stems into one long word: Existenzgründungsberatung.
func (g *generator) compound() string {
	w := zipf(g.r, compoundFirst)
	if g.r.IntN(3) == 0 {
		w += zipf(g.r, compoundMiddle)
	}
	return w + zipf(g.r, compoundHead)
}

// phrase is lo to hi words without a full stop, as a title.
func (g *generator) phrase(lx *lexicon, lo, hi int, place string) string {
	n := lo + g.r.IntN(hi-lo+1)
	var out []rune
	for i := range n {
		var w string
		switch {
		case i == 0 && lx.compounds:
			w = g.compound()
		case i == 0:
			w = zipf(g.r, lx.domain)
		case i == n-1 && place != "":
			w = g.placeName(lx, place)
		case i%2 == 1:
			w = zipf(g.r, lx.function)
		default:
			w = zipf(g.r, lx.domain)
		}
		if i > 0 {
			out = append(out, ' ')
		}
		out = append(out, []rune(w)...)
	}
	return upperFirst(string(out))
}

// prose is sentences of lo to hi characters in all.
func (g *generator) prose(lx *lexicon, lo, hi int, place string) string {
	target := lo + g.r.IntN(hi-lo+1)
	var out []rune
	for len(out) < target {
		if len(out) > 0 {
			out = append(out, ' ')
		}
		n := 5 + g.r.IntN(10)
		for i := range n {
			w := []rune(g.word(lx, place))
			if i == 0 {
				w = []rune(upperFirst(string(w)))
			} else {
				out = append(out, ' ')
			}
			out = append(out, w...)
		}
		out = append(out, []rune(lx.stop)...)
	}
	if len(out) > hi {
		out = out[:hi]
		for len(out) > 1 && out[len(out)-1] != ' ' {
			out = out[:len(out)-1]
		}
		out = append(out[:len(out)-1], []rune(lx.stop)...)
	}
	return string(out)
}

// long is a text of paragraphs, some of them lists, of about length
// characters.
func (g *generator) long(lx *lexicon, length int, place string) string {
	length = length/2 + g.r.IntN(length+1)
	paragraphs := 1 + length/250
	var out string
	for i := range paragraphs {
		if i > 0 {
			out += "\n\n"
		}
		size := length / paragraphs
		if i > 0 && g.r.IntN(4) == 0 {
			for j := range 2 + g.r.IntN(3) {
				if j > 0 {
					out += "\n"
				}
				out += "- " + g.phrase(lx, 2, 6, "")
			}
			continue
		}
		out += g.prose(lx, size*3/4, size*5/4, place)
	}
	return out
}
