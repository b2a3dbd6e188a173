package install

import (
	"reflect"
	"strings"
	"testing"
)

// debianMountinfo is /proc/self/mountinfo of a Debian desktop with two USB
// sticks, one mounted by udisks under /media, one under /run/media.
const debianMountinfo = `22 28 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw
28 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw,errors=remount-ro
30 28 0:25 / /run rw,nosuid,nodev,noexec,relatime shared:5 - tmpfs tmpfs rw,size=1618460k,mode=755
120 28 8:17 / /media/anna/USB\040STICK rw,nosuid,nodev,relatime shared:63 - vfat /dev/sdb1 rw,uid=1000,gid=1000,fmask=0022,dmask=0022,codepage=437,iocharset=ascii,shortname=mixed,utf8,errors=remount-ro
121 30 8:33 / /run/media/anna/Katalog\040März\011neu ro,nosuid,nodev,relatime shared:64 master:3 - exfat /dev/sdc1 ro
122 28 0:40 /home/anna /media rw,relatime - ext4 /dev/sda2 rw
bad line
`

func TestParseMountInfo(t *testing.T) {
	mounts := ParseMountInfo(debianMountinfo)
	if len(mounts) != 6 {
		t.Fatalf("%d mounts: %+v", len(mounts), mounts)
	}
	want := Mount{Root: "/", Point: "/run/media/anna/Katalog März\tneu", Options: "ro,nosuid,nodev,relatime", FSType: "exfat", Source: "/dev/sdc1"}
	if mounts[4] != want {
		t.Errorf("got %+v\nwant %+v", mounts[4], want)
	}
	var points []string
	for _, m := range Removable(mounts) {
		points = append(points, m.Point)
	}
	if !reflect.DeepEqual(points, []string{"/media/anna/USB STICK", "/run/media/anna/Katalog März\tneu"}) {
		t.Errorf("removable: %q", points)
	}
}

func TestUnescapeMount(t *testing.T) {
	for in, want := range map[string]string{
		`/media/a\040b`:      "/media/a b",
		`/media/a\134040b`:   `/media/a\040b`, // an escaped backslash followed by digits
		`/media/a\0`:         `/media/a\0`,    // too short to be an escape
		`/media/a\999`:       `/media/a\999`,  // not octal
		`/media/Über`:        "/media/Über",
		`/media/\101\102\n`:  `/media/AB\n`,
		`/media/x\012y\011z`: "/media/x\ny\tz",
	} {
		if got := unescapeMount(in); got != want {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
	}
}

// mountLine writes a mount as the kernel would.
func mountLine(m Mount) string {
	return "1 2 0:1 " + escapeMount(m.Root) + " " + escapeMount(m.Point) + " " + m.Options + " - " +
		escapeMount(m.FSType) + " " + escapeMount(m.Source) + " rw"
}

// FuzzParseMountInfo (sync-threats 29): no panic, every mount point is
// absolute, and parse → write → parse gives the same mounts. Seeds are in
// testdata/fuzz/FuzzParseMountInfo.
func FuzzParseMountInfo(f *testing.F) {
	f.Add(debianMountinfo)
	f.Fuzz(func(t *testing.T, text string) {
		mounts := ParseMountInfo(text)
		if len(mounts) > strings.Count(text, "\n")+1 {
			t.Fatalf("%d mounts from %d lines", len(mounts), strings.Count(text, "\n")+1)
		}
		var lines []string
		for _, m := range mounts {
			if !strings.HasPrefix(m.Point, "/") {
				t.Fatalf("mount point %q is not absolute", m.Point)
			}
			if strings.ContainsAny(m.Options, " \n") {
				t.Fatalf("options %q", m.Options)
			}
			lines = append(lines, mountLine(m))
		}
		again := ParseMountInfo(strings.Join(lines, "\n"))
		if len(mounts) == 0 && len(again) == 0 {
			return
		}
		if !reflect.DeepEqual(again, mounts) {
			t.Fatalf("parse → write → parse changed the mounts:\n%q\n%q", mounts, again)
		}
		Removable(mounts)
	})
}
