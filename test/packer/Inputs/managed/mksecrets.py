"""Write Python sources holding AWS credentials, or only things like them.

usage: mksecrets.py real|asia|lookalikes FILE

The keys are put together at run time so that this file holds none.
"""
import sys

KEY_TAIL = "Q3EGRXOFYCZ2RTVW"
SECRET = "kT9vW2xq/Lm4Rz8+Hn5Jp7Ba3Cd6Ef1Gh0Ik2Lm4"
PAD = "#" * 400 + "\n"
kind, out = sys.argv[1:3]
if kind == "real":
    text = ('import boto3\n\nREGION = "us-east-1"\nKEY = "AKIA%s"\nSECRET = "%s"\n'
            % (KEY_TAIL, SECRET))
elif kind == "asia":
    text = 'a = "ASIA%s"; b = "%s"\n' % (KEY_TAIL, SECRET)
else:
    # AWS's documentation example (botocore ships it), a key id alone, a
    # secret alone, a SHA-1 digest next to a key id, a key id inside a
    # longer word next to a secret, a lower-case key id next to a secret, a
    # secret inside a longer run next to a key id, a key id and a secret
    # more than 256 bytes apart.
    cases = [
        'ex = ("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")\n',
        'alone = "AKIA%s"\n' % KEY_TAIL,
        'secret = "%s"\n' % SECRET,
        'digest = ("AKIA%s", "da39a3ee5e6b4b0d3255bfef95601890afd80709")\n' % KEY_TAIL,
        'word = ("XAKIA%s", "%s")\n' % (KEY_TAIL, SECRET),
        'lower = ("akia%s", "%s")\n' % (KEY_TAIL.lower(), SECRET),
        'longer = ("AKIA%s", "%sXYZ")\n' % (KEY_TAIL, SECRET),
        'far = "AKIA%s"\n%ssecret = "%s"\n' % (KEY_TAIL, "#" * 300 + "\n", SECRET),
    ]
    text = PAD.join(cases)
with open(out, "w") as f:
    f.write(text)
