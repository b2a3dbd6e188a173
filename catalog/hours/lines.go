package hours

import "strings"

// Lines writes opening hours as text for people, in lang, one line per
// group of days; text that does not parse is given as it is (a catalogue's
// hours always parse; this serves text from elsewhere too).
func Lines(text, lang string) []string {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil
	}
	s, err := Parse(text)
	if err != nil {
		return []string{text}
	}
	return s.Format(lang)
}
