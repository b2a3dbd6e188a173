package benchdata

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"time"

	"wegweiser/catalog"
)

// plan is where an offer or event applies, decided for all of them before
// any is written, so that they can be written Land by Land.
type plan struct {
	land  int      // index into generator.länder; -1 for the whole country
	areas []string // area ids
	place string   // the place name its texts mention; "" for the whole country
}

// planOffer decides an offer's areas: a few for the whole country, some
// for a Land, most for one Kreis, some for two or three neighbouring Kreise.
func (g *generator) planOffer() plan {
	k := g.kreise[g.r.IntN(len(g.kreise))]
	switch n := g.r.IntN(100); {
	case n < 5:
		return plan{land: -1, areas: []string{catalog.Nationwide}}
	case n < 25:
		return plan{land: k.land, areas: []string{g.länder[k.land].id}, place: g.länder[k.land].name}
	case n < 90:
		return plan{land: k.land, areas: []string{k.id}, place: k.town}
	}
	p := plan{land: k.land, place: k.town}
	l := g.länder[k.land]
	first := g.r.IntN(len(l.kreise))
	for i := range min(len(l.kreise), 2+g.r.IntN(2)) {
		p.areas = append(p.areas, g.kreise[l.kreise[(first+i)%len(l.kreise)]].id)
	}
	return p
}

// byLand groups plans by Land, the whole country first, keeping their order.
func (g *generator) byLand(plans []plan) [][]plan {
	out := make([][]plan, len(g.länder)+1)
	for _, p := range plans {
		out[p.land+1] = append(out[p.land+1], p)
	}
	return out
}

// folderName names the folder or file of a Land's offers, events or brochures.
func (g *generator) folderName(land int) string {
	if land < 0 {
		return "00-bundesweit"
	}
	return g.länder[land].id + "-" + slug(g.länder[land].name, 30)
}

func (g *generator) offerFiles() error {
	plans := make([]plan, g.p.Offers)
	for i := range plans {
		plans[i] = g.planOffer()
	}
	g.offersIn = map[string][]string{}
	n := 0
	for land, group := range g.byLand(plans) {
		for part := 0; part*g.p.OffersPerFile < len(group); part++ {
			f, err := g.create(fmt.Sprintf("offers/%s/offers-%02d.toml", g.folderName(land-1), part+1))
			if err != nil {
				return err
			}
			for _, p := range group[part*g.p.OffersPerFile : min(len(group), (part+1)*g.p.OffersPerFile)] {
				n++
				g.offer(f, n, p)
			}
			if err := f.close(); err != nil {
				return err
			}
		}
	}
	return nil
}

// translatedInto picks the languages, besides the source, that one item is
// translated into.
func (g *generator) translatedInto() []*lexicon {
	out := []*lexicon{g.langs[0]}
	for _, lx := range g.langs[1:] {
		if g.r.Float64() < g.p.Translated {
			out = append(out, lx)
		}
	}
	return out
}

// localized writes a text in each of langs (each but the source only with
// probability share).
func (g *generator) localized(langs []*lexicon, share float64, write func(*lexicon) string) catalog.Text {
	t := catalog.Text{}
	for i, lx := range langs {
		if i == 0 || g.r.Float64() < share {
			t[lx.code] = write(lx)
		}
	}
	return t
}

var providers = []string{"Wirtschaftsförderung %s", "Handwerkskammer %s", "IHK %s", "Jobcenter %s", "Volkshochschule %s",
	"Gründerzentrum %s", "Caritasverband %s", "Diakonie %s", "Migrationsberatung %s", "Unternehmerinnen %s e. V.",
	"Sparkasse %s", "Agentur für Arbeit %s", "IQ Netzwerk %s", "Integrationsbüro %s", "Beratungsstelle \"Neu in %s\""}

var costs = []string{"kostenlos", "kostenfrei", "Die Beratung ist kostenlos.", "Teilnahmegebühr 25 Euro",
	"kostenlos für Gründerinnen und Gründer", "nach Vereinbarung", "Eigenanteil 10 Prozent"}

var tags = words(`Selbständigkeit Existenzgründung Gründerinnen Startup Meistergründung Nebenerwerb Franchise
	kuruluş бизнес تأسيس Mikrofinanz Gründungszuschuss Nachfolgebörse`)

var hours = []string{"Mo-Fr 09:00-16:00", "Mo-Th 08:00-16:00; Fr 08:00-14:00", "Tu,Th 10:00-12:00,13:00-17:00",
	"Mo-Fr 08:30-12:30", "We 14:00-18:00", "Mo-Sa 09:00-13:00; Sa off"}

var streets = words(`Marktstraße Bahnhofstraße Hauptstraße Kirchplatz Schulstraße Rathausplatz Gartenweg Lindenallee`)

func (g *generator) offer(f *tomlFile, n int, p plan) {
	place := p.place
	if place == "" {
		place = "Deutschland"
	}
	de := g.langs[0]
	langs := g.translatedInto()
	title := g.localized(langs, 1, func(lx *lexicon) string { return g.phrase(lx, 3, 7, place) })
	id := fmt.Sprintf("%s-%05d", slug(title["de"], 48), n)
	f.table("offer")
	f.str("id", id)
	f.text("title", title)
	provider := fmt.Sprintf(providers[g.r.IntN(len(providers))], place)
	if g.r.IntN(4) == 0 {
		f.text("provider", g.localized(langs, 1, func(lx *lexicon) string {
			if lx == de {
				return provider
			}
			return g.phrase(lx, 1, 2, "") + " " + g.placeName(lx, place)
		}))
	} else {
		f.str("provider", provider)
	}
	cats := []string{g.category()}
	if c := g.category(); g.r.IntN(10) < 3 && c != cats[0] {
		cats = append(cats, c)
	}
	f.list("categories", cats)
	f.list("areas", p.areas)
	f.text("summary", g.localized(langs, 1, func(lx *lexicon) string { return g.prose(lx, 120, 290, place) }))
	if g.r.IntN(2) == 0 {
		f.text("audience", g.localized(langs, 0.8, func(lx *lexicon) string { return g.prose(lx, 60, 200, "") }))
	}
	if g.r.IntN(10) < 6 {
		f.text("cost", g.localized(langs, 0.8, func(lx *lexicon) string {
			if lx == de {
				return costs[g.r.IntN(len(costs))]
			}
			return g.phrase(lx, 1, 3, "")
		}))
	}
	if g.r.IntN(10) < 6 {
		spoken := []string{"de"}
		for _, lx := range g.langs[1:] {
			if g.r.IntN(4) == 0 {
				spoken = append(spoken, lx.code)
			}
		}
		f.list("languages", spoken)
	}
	if g.r.IntN(10) < 8 {
		f.str("website", fmt.Sprintf("https://www.%s.de/angebote/%d", slug(provider, 30), n))
	}
	switch v := g.r.IntN(100); {
	case v < 5: // over
		f.date("valid_from", day(2021, 1+g.r.IntN(12), 1))
		f.date("valid_until", day(2024, 1+g.r.IntN(12), 28))
	case v < 10: // not yet
		f.date("valid_from", day(2027, 6+g.r.IntN(6), 1))
	case v < 30:
		f.date("valid_from", day(2020+g.r.IntN(6), 1+g.r.IntN(12), 1))
		f.date("valid_until", day(2027+g.r.IntN(3), 12, 31))
	}
	if g.r.IntN(10) < 7 {
		f.date("updated", day(2025+g.r.IntN(2), 1+g.r.IntN(12), 1+g.r.IntN(28)))
	}
	if g.r.IntN(10) < 3 {
		var ts []string
		for range 1 + g.r.IntN(3) {
			ts = append(ts, tags[g.r.IntN(len(tags))])
		}
		f.list("tags", ts)
	}
	if g.r.IntN(100) < 85 {
		f.longText("offer", "description", g.localized(langs, 0.85, func(lx *lexicon) string {
			return g.long(lx, g.p.TextLength, place)
		}))
	}
	for c := range g.r.IntN(3) {
		g.contact(f, langs, provider, place, c)
	}
	if len(p.areas) == 1 {
		g.offersIn[p.areas[0]] = append(g.offersIn[p.areas[0]], id)
	}
}

func (g *generator) category() string {
	n := g.r.IntN(100)
	for _, c := range categories {
		if n < c.weight {
			return c.id
		}
		n -= c.weight
	}
	return categories[0].id
}

func (g *generator) contact(f *tomlFile, langs []*lexicon, provider, place string, n int) {
	f.table("offer.contact")
	if g.r.IntN(2) == 0 {
		f.text("label", g.localized(langs, 0.9, func(lx *lexicon) string { return g.phrase(lx, 1, 3, "") }))
	}
	has := false
	if g.r.IntN(10) < 8 {
		f.str("phone", fmt.Sprintf("+49 %d %d-%d", 30+g.r.IntN(9900), 100000+g.r.IntN(899999), 10+n))
		has = true
	}
	if g.r.IntN(10) < 7 {
		f.str("email", fmt.Sprintf("kontakt%d@%s.de", n+1, slug(provider, 30)))
		has = true
	}
	if !has || g.r.IntN(10) < 6 {
		f.str("address", fmt.Sprintf("%s %d, %05d %s", streets[g.r.IntN(len(streets))], 1+g.r.IntN(120), 1067+g.r.IntN(98000), place))
	}
	if g.r.IntN(10) < 6 {
		f.str("hours", hours[g.r.IntN(len(hours))])
		if g.r.IntN(3) == 0 {
			f.text("hours_note", g.localized(langs, 0.9, func(lx *lexicon) string { return g.phrase(lx, 2, 4, "") }))
		}
	}
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func (g *generator) eventFiles() error {
	plans := make([]plan, g.p.Events)
	for i := range plans {
		k := g.kreise[g.r.IntN(len(g.kreise))]
		plans[i] = plan{land: k.land, areas: []string{k.id}, place: k.town}
		if g.r.IntN(5) == 0 {
			plans[i].areas, plans[i].place = []string{g.länder[k.land].id}, g.länder[k.land].name
		}
	}
	n := 0
	for land, group := range g.byLand(plans) {
		if len(group) == 0 {
			continue
		}
		f, err := g.create("events/" + g.folderName(land-1) + ".toml")
		if err != nil {
			return err
		}
		for _, p := range group {
			n++
			g.event(f, n, p)
		}
		if err := f.close(); err != nil {
			return err
		}
	}
	return nil
}

func (g *generator) event(f *tomlFile, n int, p plan) {
	langs := g.translatedInto()
	title := g.localized(langs, 1, func(lx *lexicon) string { return g.phrase(lx, 3, 6, p.place) })
	f.table("event")
	f.str("id", fmt.Sprintf("%s-e%04d", slug(title["de"], 48), n))
	f.text("title", title)
	f.text("summary", g.localized(langs, 1, func(lx *lexicon) string { return g.prose(lx, 100, 280, p.place) }))
	f.list("areas", p.areas)
	switch c := g.r.IntN(10); {
	case c < 5:
		f.list("categories", []string{"events"})
	case c < 8:
		f.list("categories", []string{"events", g.category()})
	}
	start := Now.AddDate(0, 0, g.r.IntN(330)-30)
	start = time.Date(start.Year(), start.Month(), start.Day(), 9+g.r.IntN(10), 30*g.r.IntN(2), 0, 0, catalog.Berlin)
	f.dateTime("start", start)
	if g.r.IntN(10) < 7 {
		f.dateTime("end", start.Add(time.Duration(1+g.r.IntN(3))*time.Hour))
	}
	place := []string{"Kreishaus ", "Volkshochschule ", "Rathaus ", "Gründerzentrum "}[g.r.IntN(4)] + p.place
	if g.r.IntN(10) == 0 {
		place = "online"
	}
	f.text("place", catalog.Text{"de": place})
	if g.r.IntN(2) == 0 {
		f.str("website", fmt.Sprintf("https://www.%s.de/termine/%d", slug(p.place, 30), n))
	}
	if g.r.IntN(10) < 4 {
		f.list("languages", []string{"de", g.langs[g.r.IntN(len(g.langs))].code})
	}
	if g.r.IntN(10) < 6 {
		f.longText("event", "description", g.localized(langs, 0.85, func(lx *lexicon) string {
			return g.long(lx, g.p.TextLength/2, p.place)
		}))
	}
}

// logo is the one image of the generated folder.
const logo = "media/logo.png"

func (g *generator) brochureFiles() error {
	if g.p.Brochures <= 0 {
		return nil
	}
	if err := g.writeLogo(); err != nil {
		return err
	}
	var plans []plan
	step := max(1, len(g.kreise)/g.p.Brochures)
	for i := 0; i < len(g.kreise) && len(plans) < g.p.Brochures; i += step {
		k := g.kreise[i]
		plans = append(plans, plan{land: k.land, areas: []string{k.id}, place: k.town})
	}
	n := 0
	for land, group := range g.byLand(plans) {
		if len(group) == 0 {
			continue
		}
		f, err := g.create("brochures/" + g.folderName(land-1) + ".toml")
		if err != nil {
			return err
		}
		for _, p := range group {
			n++
			g.brochure(f, n, p)
		}
		if err := f.close(); err != nil {
			return err
		}
	}
	return nil
}

func (g *generator) brochure(f *tomlFile, n int, p plan) {
	langs := g.translatedInto()
	f.table("brochure")
	f.str("id", "gruenden-im-landkreis-"+slug(p.place, 30)+"-"+p.areas[0])
	f.str("area", p.areas[0])
	f.text("title", g.localized(langs, 1, func(lx *lexicon) string {
		if lx.code == "de" {
			return "Gründen im Landkreis " + p.place
		}
		return g.phrase(lx, 1, 3, "") + " " + lx.district + " " + g.placeName(lx, p.place)
	}))
	offers := g.offersIn[p.areas[0]]
	for s := range 3 + g.r.IntN(4) {
		f.table("brochure.section")
		f.text("heading", g.localized(langs, 0.9, func(lx *lexicon) string { return g.phrase(lx, 2, 5, "") }))
		if len(offers) > 0 && g.r.IntN(2) == 0 {
			var ids []string
			for i := range min(len(offers), 1+g.r.IntN(3)) {
				ids = append(ids, offers[(s+i)%len(offers)])
			}
			f.list("offers", ids)
		}
		if (n == 1 && s == 0) || g.r.IntN(5) == 0 {
			f.str("image", logo)
		}
		f.longText("brochure.section", "body", g.localized(langs, 0.9, func(lx *lexicon) string {
			return g.long(lx, g.p.TextLength, p.place)
		}))
	}
}

func (g *generator) writeLogo() error {
	img := image.NewNRGBA(image.Rect(0, 0, 8, 8))
	for i := range 8 {
		img.Set(i, i, color.NRGBA{0, 90, 160, 255})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		return err
	}
	path := filepath.Join(g.dir, filepath.FromSlash(logo))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}
