# getoutput, getstatusoutput, list2cmdline.
import subprocess

print(repr(subprocess.getoutput("echo hello")))
print(repr(subprocess.getoutput("printf 'no newline'")))
print(repr(subprocess.getoutput("printf 'two\\n\\n'")))
print(repr(subprocess.getoutput("echo out; echo err >&2")))
print(subprocess.getstatusoutput("echo fine"))
print(subprocess.getstatusoutput("echo failing; exit 3"))
print(subprocess.getstatusoutput("kill -9 $$"))
print(subprocess.getstatusoutput("no-such-command-krait 2>/dev/null"))
print(subprocess.getstatusoutput("printf 'caf\\303\\251\\r\\n'"))
print(subprocess.getstatusoutput("printf 'caf\\303\\251'", encoding="latin-1"))
print(subprocess.getstatusoutput("printf 'bad\\377'", errors="replace"))
print(subprocess.getstatusoutput(""))

for seq in ([], [""], ["a", "b c", "d"], ['say "hi"'], ["tab\there"],
            ["back\\slash", "trail\\", "trail space\\", 'q\\"uote'],
            ["a\\\\b", "c\\\\\\\"d", "ab\\\\"], [b"bytes", "str"], ["\\\\server\\share"]):
    print(repr(subprocess.list2cmdline(seq)))
