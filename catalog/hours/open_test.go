package hours

import (
	"testing"
	"time"
)

func utc(year int, month time.Month, day, hour, min int) time.Time {
	return time.Date(year, month, day, hour, min, 0, 0, time.UTC)
}

func TestOpenAt(t *testing.T) {
	weekdays, err := Parse("Mo-Fr 09:00-17:00; We off")
	if err != nil {
		t.Fatal(err)
	}
	nights, err := Parse("Mo 22:00-24:00; Tu 00:00-02:00; Su 01:00-04:00")
	if err != nil {
		t.Fatal(err)
	}
	midnight, err := Parse("Mo 00:00-01:00")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		s    Schedule
		t    time.Time
		want bool
	}{
		// Winter: Berlin is UTC+1. Monday 15 January 2024.
		{"winter before opening", weekdays, utc(2024, 1, 15, 7, 59), false},
		{"winter at opening", weekdays, utc(2024, 1, 15, 8, 0), true},
		{"winter last minute", weekdays, utc(2024, 1, 15, 15, 59), true},
		{"winter at closing", weekdays, utc(2024, 1, 15, 16, 0), false},
		{"winter off day", weekdays, utc(2024, 1, 17, 10, 0), false},
		{"winter unnamed day", weekdays, utc(2024, 1, 20, 10, 0), false},
		// Summer: Berlin is UTC+2. Monday 15 July 2024.
		{"summer before opening", weekdays, utc(2024, 7, 15, 6, 59), false},
		{"summer at opening", weekdays, utc(2024, 7, 15, 7, 0), true},
		{"summer last minute", weekdays, utc(2024, 7, 15, 14, 59), true},
		{"summer at closing", weekdays, utc(2024, 7, 15, 15, 0), false},
		// Sunday 23:00 UTC is already Monday 00:00 in Berlin.
		{"utc sunday is berlin monday", midnight, utc(2024, 1, 14, 23, 0), true},
		{"utc sunday is berlin sunday", midnight, utc(2024, 1, 14, 22, 59), false},
		{"utc monday is berlin monday", midnight, utc(2024, 1, 15, 0, 0), false},
		{"until 24:00", nights, utc(2024, 1, 15, 22, 59), true},
		{"day before 22:00", nights, utc(2024, 1, 15, 20, 59), false},
		{"after 02:00 next day", nights, utc(2024, 1, 16, 1, 0), false},
		// Sunday 31 March 2024: clocks jump from 02:00 CET to 03:00 CEST
		// at 01:00 UTC; Su 01:00-04:00 is 00:00-02:00 UTC that day.
		{"spring 01:00 CET", nights, utc(2024, 3, 31, 0, 0), true},
		{"spring 03:59 CEST", nights, utc(2024, 3, 31, 1, 59), true},
		{"spring 04:00 CEST", nights, utc(2024, 3, 31, 2, 0), false},
		// Sunday 27 October 2024: clocks go back from 03:00 CEST to 02:00
		// CET at 01:00 UTC; 01:00-04:00 is 23:00 (Saturday) to 03:00 UTC.
		{"autumn 00:59 CEST", nights, utc(2024, 10, 26, 22, 59), false},
		{"autumn 01:00 CEST", nights, utc(2024, 10, 26, 23, 0), true},
		{"autumn 03:59 CET", nights, utc(2024, 10, 27, 2, 59), true},
		{"autumn 04:00 CET", nights, utc(2024, 10, 27, 3, 0), false},
		{"zero schedule", Schedule{}, utc(2024, 1, 15, 10, 0), false},
	}
	for _, tt := range tests {
		if got := tt.s.OpenAt(tt.t); got != tt.want {
			t.Errorf("%s: OpenAt(%v) = %v, want %v", tt.name, tt.t, got, tt.want)
		}
	}
}

// The location of the time passed in must not matter.
func TestOpenAtIgnoresLocation(t *testing.T) {
	s, err := Parse("Mo 09:00-10:00")
	if err != nil {
		t.Fatal(err)
	}
	tokyo := time.FixedZone("JST", 9*3600)
	// Monday 15 January 2024, 09:30 in Berlin = 17:30 in Tokyo.
	if !s.OpenAt(time.Date(2024, 1, 15, 17, 30, 0, 0, tokyo)) {
		t.Error("OpenAt(17:30 JST) = false, want true (09:30 in Berlin)")
	}
}

func TestNextChange(t *testing.T) {
	berlinTime := func(month time.Month, day, hour, min int) time.Time {
		return time.Date(2024, month, day, hour, min, 0, 0, berlin)
	}
	tests := []struct {
		hours string
		from  time.Time
		want  time.Time // zero: no change
	}{
		{"Mo-Fr 09:00-17:00", berlinTime(1, 15, 8, 0), berlinTime(1, 15, 9, 0)},
		{"Mo-Fr 09:00-17:00", berlinTime(1, 15, 9, 0), berlinTime(1, 15, 17, 0)},
		{"Mo-Fr 09:00-17:00", berlinTime(1, 15, 8, 59).Add(30 * time.Second), berlinTime(1, 15, 9, 0)},
		{"Mo-Fr 09:00-17:00", berlinTime(1, 19, 17, 0), berlinTime(1, 22, 9, 0)},
		{"Mo 09:00-10:00", berlinTime(1, 15, 11, 0), berlinTime(1, 22, 9, 0)},
		{"Mo-Fr 09:00-12:00,12:00-17:00", berlinTime(1, 15, 10, 0), berlinTime(1, 15, 17, 0)},
		{"Mo 22:00-24:00; Tu 00:00-02:00", berlinTime(1, 15, 23, 0), berlinTime(1, 16, 2, 0)},
		{"Mo-Su 00:00-24:00", berlinTime(1, 15, 10, 0), time.Time{}},
		{"Mo-Su off", berlinTime(1, 15, 10, 0), time.Time{}},
		{"", berlinTime(1, 15, 10, 0), time.Time{}},
		// Across the switch to summer time: Friday 17:00 CET to Monday 09:00 CEST.
		{"Mo-Fr 09:00-17:00", berlinTime(3, 29, 17, 0), utc(2024, 4, 1, 7, 0)},
		// 02:30 does not exist on 31 March; it opens when the clock jumps to 03:00.
		{"Su 02:30-05:00", berlinTime(3, 31, 1, 0), utc(2024, 3, 31, 1, 0)},
		// 02:30 happens twice on 27 October: 00:30 and 01:30 UTC.
		{"Su 02:30-02:45", utc(2024, 10, 27, 0, 0), utc(2024, 10, 27, 0, 30)},
		{"Su 02:30-02:45", utc(2024, 10, 27, 0, 30), utc(2024, 10, 27, 0, 45)},
		{"Su 02:30-02:45", utc(2024, 10, 27, 0, 45), utc(2024, 10, 27, 1, 30)},
		{"Su 02:30-02:45", utc(2024, 10, 27, 1, 30), utc(2024, 10, 27, 1, 45)},
	}
	for _, tt := range tests {
		s, err := Parse(tt.hours)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := s.NextChange(tt.from)
		if ok != !tt.want.IsZero() || !got.Equal(tt.want) {
			t.Errorf("Parse(%q).NextChange(%v) = %v, %v; want %v", tt.hours, tt.from, got, ok, tt.want)
		}
	}
}
