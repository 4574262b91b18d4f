import email
from email import policy
raw = b"From: J\xf6rg <j@x.org>\nSubject: caf\xe9 test\nContent-Type: text/plain\n\nbody \xff\n"
m = email.message_from_bytes(raw)
print(repr(str(m['From'])), repr(str(m['Subject'])))
print(m.as_string())
print(m.as_bytes() == raw)
from email.utils import _has_surrogates
print(_has_surrogates(m.get_payload()))
m2 = email.message_from_bytes(raw, policy=policy.default)
print(repr(str(m2['Subject'])))
