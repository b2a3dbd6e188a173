package install

import (
	"path"
	"strings"
)

// Mount is one line of /proc/self/mountinfo (proc(5)):
//
//	36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue
//	id parent dev root point options [optional...] - fstype source super-options
type Mount struct {
	Root    string // the folder of the file system that is mounted
	Point   string // where it is mounted
	Options string // per-mount options, e.g. "ro,nosuid,nodev"
	FSType  string // "vfat", "exfat", "ext4", …
	Source  string // "/dev/sdb1"
}

// ParseMountInfo reads the text of /proc/self/mountinfo. The kernel writes
// a space, tab, line break or backslash in a path as an octal escape
// ("\040"); other bytes, such as the UTF-8 of "Ä", stand as they are.
// Lines that do not have the expected form are skipped.
func ParseMountInfo(text string) []Mount {
	var out []Mount
	for _, line := range strings.Split(text, "\n") {
		if m, ok := parseMountLine(line); ok {
			out = append(out, m)
		}
	}
	return out
}

func parseMountLine(line string) (Mount, bool) {
	fields := strings.Split(strings.TrimSuffix(line, "\r"), " ")
	sep := -1
	for i := 6; i < len(fields); i++ {
		if fields[i] == "-" {
			sep = i
			break
		}
	}
	if sep < 0 || len(fields) < sep+3 {
		return Mount{}, false
	}
	m := Mount{
		Root:    unescapeMount(fields[3]),
		Point:   unescapeMount(fields[4]),
		Options: fields[5],
		FSType:  unescapeMount(fields[sep+1]),
		Source:  unescapeMount(fields[sep+2]),
	}
	if !strings.HasPrefix(m.Point, "/") {
		return Mount{}, false
	}
	return m, true
}

// unescapeMount undoes the kernel's octal escapes \NNN.
func unescapeMount(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+3 < len(s) && isOctal(s[i+1]) && isOctal(s[i+2]) && isOctal(s[i+3]) && s[i+1] <= '3' {
			b.WriteByte((s[i+1]-'0')<<6 | (s[i+2]-'0')<<3 | (s[i+3] - '0'))
			i += 3
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isOctal(c byte) bool { return '0' <= c && c <= '7' }

// escapeMount writes a path as the kernel does in mountinfo.
func escapeMount(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '\t', '\n', '\\':
			b.WriteByte('\\')
			b.WriteByte('0' + c>>6)
			b.WriteByte('0' + c>>3&7)
			b.WriteByte('0' + c&7)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// mediaRoots are the folders under which desktop systems mount removable
// media: /media/USER/LABEL (Debian, Ubuntu), /run/media/USER/LABEL
// (Fedora, Arch), and /media/LABEL (usbmount, older systems).
var mediaRoots = []string{"/media", "/run/media"}

// Removable returns the mounts that are removable media.
func Removable(mounts []Mount) []Mount {
	var out []Mount
	for _, m := range mounts {
		p := path.Clean(m.Point)
		for _, root := range mediaRoots {
			if strings.HasPrefix(p, root+"/") {
				out = append(out, m)
				break
			}
		}
	}
	return out
}
