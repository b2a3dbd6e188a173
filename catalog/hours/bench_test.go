package hours

import "testing"

const benchHours = "Mo-Th 08:00-12:00,13:00-16:00; Fr 08:00-14:00; We 10:00-12:00; Sa-Su off"

func BenchmarkParse(b *testing.B) {
	for b.Loop() {
		if _, err := Parse(benchHours); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFormat(b *testing.B) {
	s, err := Parse(benchHours)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		s.Format("ar")
	}
}
