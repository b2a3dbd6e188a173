package source

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"wegweiser/catalog"
	"wegweiser/speech/wav"
	"wegweiser/translations"
)

// Recorded speech (the kiosk's read-aloud button) lies under audio/, one
// WAV file per text and language:
//
//	audio/offer/<offer id>/<field>.<lang>.wav      field: title, provider, summary, description, audience, cost
//	audio/event/<event id>/<field>.<lang>.wav      field: title, place, summary
//	audio/brochure/<brochure id>/<section>.<lang>.wav   section: 1 for the first
//	audio/ui/<string id>.<lang>.wav                an interface string, such as welcome_prompt
//
// A recording is 16-bit PCM WAV, mono or stereo, at most maxAudioSize and
// maxAudioLength. It is compiled into the catalogue (and so covered by the
// bundle's signature) under the same path.

const (
	maxAudioSize   = 20 << 20
	maxAudioLength = 10 * time.Minute
)

var audioPath = regexp.MustCompile(`^audio/(?:(offer|event|brochure)/([^/]+)/([^/.]+)|(ui)/([^/.]+))\.([^/.]+)\.(wav|ogg)$`)

var audioFields = map[string][]string{
	"offer": {"title", "provider", "summary", "description", "audience", "cost"},
	"event": {"title", "place", "summary"},
}

// loadAudio checks the recordings and adds them to the content's media.
func (l *loader) loadAudio() {
	slices.Sort(l.audio)
	for _, p := range l.audio {
		if err := l.checkAudioPath(p); err != nil {
			l.report(Error, p, 1, "%v", err)
			continue
		}
		if strings.HasSuffix(p, ".ogg") {
			l.report(Warning, p, 1, "Ogg Vorbis recordings are not played yet; convert it to WAV (16-bit PCM)")
			continue
		}
		data, err := readLimited(l.fsys, p, maxAudioSize)
		if err != nil {
			l.report(Error, p, 1, "cannot be read: %v", unwrapPathError(err))
			continue
		}
		a, err := wav.Read(data)
		if err != nil {
			l.report(Error, p, 1, "%v", err)
			continue
		}
		if d := a.Duration(); d > maxAudioLength || d < 100*time.Millisecond {
			l.report(Error, p, 1, "a recording of %v: it must be between 0.1 s and %v long", d.Round(time.Second/10), maxAudioLength)
			continue
		}
		l.content.Media[p] = data
	}
}

// checkAudioPath tells what is wrong with the name of a recording.
func (l *loader) checkAudioPath(p string) error {
	m := audioPath.FindStringSubmatch(p)
	if m == nil || path.Clean(p) != p {
		return fmt.Errorf("a recording must be named audio/offer/ID/FIELD.LANG.wav, audio/event/ID/FIELD.LANG.wav, audio/brochure/ID/SECTION.LANG.wav or audio/ui/STRING.LANG.wav")
	}
	kind, id, field, lang := m[1], m[2], m[3], m[6]
	if m[4] == "ui" {
		kind, id = "ui", m[5]
	}
	if !slices.Contains(l.content.Meta.Languages, lang) {
		return fmt.Errorf("the language '%s' is not one of the catalogue's languages", lang)
	}
	switch kind {
	case "ui":
		if translations.For("de").T(id) == id {
			return fmt.Errorf("there is no interface string '%s'", id)
		}
	case "offer", "event":
		if !slices.Contains(audioFields[kind], field) {
			return fmt.Errorf("an %s has no text '%s' to record (one of %s)", kind, field, strings.Join(audioFields[kind], ", "))
		}
		if !l.hasItem(kind, id) {
			return fmt.Errorf("there is no %s '%s'", kind, id)
		}
	case "brochure":
		n, err := strconv.Atoi(field)
		b := l.brochure(id)
		if b == nil {
			return fmt.Errorf("there is no brochure '%s'", id)
		}
		if err != nil || n < 1 || n > len(b.Sections) {
			return fmt.Errorf("brochure '%s' has no section %s (it has %d)", id, field, len(b.Sections))
		}
	}
	return nil
}

func (l *loader) hasItem(kind, id string) bool {
	switch kind {
	case "offer":
		return slices.ContainsFunc(l.content.Offers, func(o catalog.Offer) bool { return o.ID == id })
	case "event":
		return slices.ContainsFunc(l.content.Events, func(e catalog.Event) bool { return e.ID == id })
	}
	return false
}

func (l *loader) brochure(id string) *catalog.Brochure {
	for i := range l.content.Brochures {
		if l.content.Brochures[i].ID == id {
			return &l.content.Brochures[i]
		}
	}
	return nil
}
