//===- CredentialScan.cpp - AWS keys written into a file's text -----------===//

#include "plan/CredentialScan.h"

#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace brisk {

namespace {
/// Runs of one character class, seen a byte at a time: their start offset,
/// length, the line they start on and the first bytes (enough to judge).
struct Run {
  uint64_t Start = 0, Line = 1, Length = 0;
  bool Upper = false, Lower = false, DigitOrSign = false;
  std::string Head;
};

class Scanner {
public:
  void feed(StringRef Bytes);
  /// Ends the input: the runs still open close.
  void finish() {
    closeKeyRun();
    closeSecretRun();
  }
  std::optional<uint64_t> Found;

private:
  static bool isKeyChar(char C) { return isUpper(C) || isDigit(C); }
  static bool isSecretChar(char C) {
    return isAlnum(C) || C == '/' || C == '+';
  }
  static constexpr uint64_t Near = 256;
  static constexpr size_t KeyLength = 20, SecretLength = 40;

  void closeKeyRun();
  void closeSecretRun();
  void pair();

  uint64_t Offset = 0, Line = 1;
  // Alphanumeric runs (a key id stands alone among letters and digits).
  Run KeyRun;
  bool InKeyRun = false;
  // Runs of the secret's alphabet.
  Run SecretRun;
  bool InSecretRun = false;
  // The last key id and secret seen: their start offsets and the key's line.
  std::optional<uint64_t> KeyAt, KeyLine, SecretAt;
};
} // namespace

static bool isKeyTail(StringRef S) {
  return all_of(S, [](char C) { return isUpper(C) || (C >= '2' && C <= '7'); });
}

void Scanner::closeKeyRun() {
  if (!InKeyRun)
    return;
  InKeyRun = false;
  StringRef Head = KeyRun.Head;
  if (KeyRun.Length != KeyLength ||
      !(Head.starts_with("AKIA") || Head.starts_with("ASIA")) ||
      !isKeyTail(Head.drop_front(4)) || Head.contains("EXAMPLE"))
    return;
  KeyAt = KeyRun.Start;
  KeyLine = KeyRun.Line;
  pair();
}

void Scanner::closeSecretRun() {
  if (!InSecretRun)
    return;
  InSecretRun = false;
  const Run &R = SecretRun;
  if (R.Length != SecretLength || !R.Upper || !R.Lower || !R.DigitOrSign ||
      StringRef(R.Head).contains("EXAMPLE"))
    return;
  SecretAt = R.Start;
  pair();
}

void Scanner::pair() {
  if (Found || !KeyAt || !SecretAt)
    return;
  // The key id cannot be part of its own secret.
  bool Overlap =
      *KeyAt + KeyLength > *SecretAt && *SecretAt + SecretLength > *KeyAt;
  // The bytes between them.
  uint64_t Gap = *KeyAt > *SecretAt ? *KeyAt - (*SecretAt + SecretLength)
                                    : *SecretAt - (*KeyAt + KeyLength);
  if (!Overlap && Gap <= Near)
    Found = *KeyLine;
}

void Scanner::feed(StringRef Bytes) {
  for (char C : Bytes) {
    if (Found)
      return;
    if (isKeyChar(C) || isLower(C)) {
      if (!InKeyRun) {
        KeyRun = Run();
        KeyRun.Start = Offset;
        KeyRun.Line = Line;
        InKeyRun = true;
      }
      if (++KeyRun.Length <= KeyLength)
        KeyRun.Head += C;
    } else {
      closeKeyRun();
    }
    if (isSecretChar(C)) {
      if (!InSecretRun) {
        SecretRun = Run();
        SecretRun.Start = Offset;
        InSecretRun = true;
      }
      Run &R = SecretRun;
      R.Upper |= isUpper(C);
      R.Lower |= isLower(C);
      R.DigitOrSign |= isDigit(C) || C == '/' || C == '+';
      if (++R.Length <= SecretLength)
        R.Head += C;
    } else {
      closeSecretRun();
    }
    if (C == '\n')
      ++Line;
    ++Offset;
  }
}

std::optional<uint64_t> findAwsCredentialIn(StringRef Text) {
  Scanner S;
  S.feed(Text);
  S.finish();
  return S.Found;
}

Expected<std::optional<uint64_t>> findAwsCredential(const FileSource &Source) {
  Scanner S;
  if (Error E = readSource(Source, [&](StringRef Chunk) {
        S.feed(Chunk);
        return Error::success();
      }))
    return E;
  S.finish();
  return S.Found;
}

} // namespace brisk
