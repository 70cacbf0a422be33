//===- PackPlanTest.cpp - Secrets, bootstrap scripts and limits ----------===//

#include "PackerFixtureDir.h"
#include "plan/Bootstrap.h"
#include "plan/Limits.h"
#include "plan/SecretFilter.h"

#include "gtest/gtest.h"

using namespace llvm;
using namespace brisk;

namespace {

SecretFilter secrets(ArrayRef<SecretPattern> Extra = {}) {
  Expected<SecretFilter> Filter =
      SecretFilter::load(BRISK_TEST_RULES_DIR, Extra);
  EXPECT_TRUE(bool(Filter)) << toString(Filter.takeError());
  return std::move(*Filter);
}

std::string reasonFor(const SecretFilter &Filter, StringRef Path,
                      const FileSource *Source = nullptr) {
  Expected<std::string> Reason = Filter.reason(Path, false, Source);
  EXPECT_TRUE(bool(Reason));
  return Reason ? *Reason : toString(Reason.takeError());
}

TEST(SecretFilterTest, FlagsLikelySecrets) {
  SecretFilter Filter = secrets();
  for (StringRef Path :
       {".env", "config/.env", ".env.production", ".ssh/id_rsa", "id_rsa.old",
        "home/id_ed25519", ".aws/credentials", "x/.aws/credentials",
        ".git/config", "vendor/lib/.git/HEAD", "tls/server.key",
        "certs/client.p12", "certs/client.PFX", ".netrc",
        "home/.git-credentials", "infra/terraform.tfstate",
        "infra/terraform.tfstate.backup", ".kube/config",
        "home/.docker/config.json"})
    EXPECT_NE(reasonFor(Filter, Path), "") << Path.str();
}

// A certificate bundle (certifi's cacert.pem, the RDS CA bundle) is public;
// a PEM file is a secret when it holds a private key.
TEST(SecretFilterTest, PemFilesHoldingAPrivateKey) {
  SecretFilter Filter = secrets();
  FixtureDir Dir("brisk-pem-test");
  Dir.write("key.pem", "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n");
  Dir.write("ca.pem", "-----BEGIN CERTIFICATE-----\nMIID\n");
  FileSource Key{Dir.path("key.pem"), 0, 37};
  FileSource Cert{Dir.path("ca.pem"), 0, 33};
  EXPECT_EQ(reasonFor(Filter, "certs/server.pem", &Key),
            "PEM private key (*.pem)");
  EXPECT_EQ(reasonFor(Filter, "KEY.PEM", &Key), "PEM private key (*.pem)");
  EXPECT_EQ(reasonFor(Filter, "certifi/cacert.pem", &Cert), "");
}

TEST(SecretFilterTest, LeavesLookAlikesAlone) {
  SecretFilter Filter = secrets();
  for (StringRef Path : {"env",
                         ".envrc.d/readme",
                         ".env.example",
                         ".env.sample",
                         ".env.template",
                         "id_rsa.pub",
                         "pem.txt",
                         "credentials",
                         "aws/credentials",
                         ".gitignore",
                         ".github/workflows/ci.yml",
                         "lib/libgit2.so",
                         "my.git/file",
                         "keys/readme",
                         "x.keys",
                         "kube/config",
                         "docker/config.json",
                         "config.json",
                         "main.tf",
                         ".git-credentials.md"})
    EXPECT_EQ(reasonFor(Filter, Path), "") << Path.str();
  // A folder is never a secret itself, only what is in it.
  Expected<std::string> Folder = Filter.reason(".git", true, nullptr);
  ASSERT_TRUE(bool(Folder));
  EXPECT_EQ(*Folder, "");
}

TEST(SecretFilterTest, AnNpmrcIsASecretOnlyWithAnAuthToken) {
  FixtureDir Dir("brisk-secrets-test");
  std::string WithToken = "registry=https://r.example/\n"
                          "//r.example/:_authToken=abc\n";
  std::string WithoutToken = "registry=https://r.example/\nsave-exact=true\n";
  Dir.write("with", WithToken);
  Dir.write("without", WithoutToken);
  FileSource With{Dir.path("with"), 0, WithToken.size()};
  FileSource Without{Dir.path("without"), 0, WithoutToken.size()};
  SecretFilter Filter = secrets();
  EXPECT_EQ(reasonFor(Filter, "app/.npmrc", &With),
            "npm registry credentials (.npmrc with an auth token)");
  EXPECT_EQ(reasonFor(Filter, "app/.npmrc", &Without), "");
  // Found across the boundary of two read chunks too.
  std::string Big(1 << 20, 'x');
  Big.replace(Big.size() - 3, 3, "_au");
  Dir.write("split", Big + "th=1\n");
  FileSource Split{Dir.path("split"), 0, Big.size() + 5};
  EXPECT_NE(reasonFor(Filter, ".npmrc", &Split), "");
}

TEST(SecretFilterTest, ConfigPatternsExtendTheRules) {
  SecretPattern Jks{"*.jks", "Java key store", {"public.jks"}, {}};
  SecretFilter Filter = secrets({Jks});
  EXPECT_EQ(reasonFor(Filter, "conf/keystore.jks"), "Java key store");
  EXPECT_EQ(reasonFor(Filter, "conf/public.jks"), "");
  EXPECT_NE(reasonFor(Filter, ".env"), "");

  std::vector<SecretPattern> Parsed;
  Error Bad = parseSecretPatterns(
      nlohmann::json::parse(R"([{"match": "*.jks"}])"), "cfg: secrets", Parsed);
  ASSERT_TRUE(bool(Bad));
  EXPECT_EQ(toString(std::move(Bad)),
            "cfg: secrets[0]: 'reason' must be a non-empty string");
  Error Unknown = parseSecretPatterns(
      nlohmann::json::parse(R"([{"match": "a", "reason": "b", "glob": 1}])"),
      "cfg: secrets", Parsed);
  ASSERT_TRUE(bool(Unknown));
  EXPECT_EQ(toString(std::move(Unknown)),
            "cfg: secrets[0]: unknown key 'glob'");
}

BootstrapSpec spec(StringRef Loader, bool Libraries, bool Direct = false,
                   bool Gconv = false) {
  BootstrapSpec Spec;
  Spec.ProgramPath = "bin/orders";
  Spec.LoaderName = Loader.str();
  Spec.HasLibraries = Libraries;
  Spec.Direct = Direct;
  Spec.Gconv = Gconv;
  return Spec;
}

constexpr const char *Head =
    "#!/bin/sh\n"
    "# Generated by brisk-pack.\n"
    "root=\"${LAMBDA_TASK_ROOT:-$(dirname \"$0\")}\"\n";
constexpr const char *OriginFirst =
    "export LD_LIBRARY_PATH='$ORIGIN/../lib'\"${LD_LIBRARY_PATH:+:"
    "$LD_LIBRARY_PATH}\"\n";

TEST(BootstrapTest, BundledLoaderRunsTheProgram) {
  EXPECT_EQ(makeBootstrapScript(spec("ld-linux-x86-64.so.2", true)),
            std::string(Head) +
                "exec \"$root/lib/ld-linux-x86-64.so.2\" --library-path "
                "\"$root/lib\" \"$root/bin/orders\" \"$@\"\n");
}

TEST(BootstrapTest, UnderTheTaskRootTheProgramRunsDirectly) {
  EXPECT_EQ(makeBootstrapScript(
                spec("ld-linux-x86-64.so.2", true, /*Direct=*/true, true)),
            std::string(Head) + "export GCONV_PATH=\"$root/lib/gconv\"\n" +
                "if [ \"$root\" = /var/task ]; then\n  " + OriginFirst +
                "  exec \"$root/bin/orders\" \"$@\"\nfi\n"
                "exec \"$root/lib/ld-linux-x86-64.so.2\" --library-path "
                "\"$root/lib\" \"$root/bin/orders\" \"$@\"\n");
}

TEST(BootstrapTest, BundledLibrariesGoFirstOnTheSearchPath) {
  EXPECT_EQ(makeBootstrapScript(spec("", true)),
            std::string(Head) + OriginFirst +
                "exec \"$root/bin/orders\" \"$@\"\n");
  EXPECT_EQ(makeBootstrapScript(spec("", false)),
            std::string(Head) + "exec \"$root/bin/orders\" \"$@\"\n");
}

// With layers, /opt/lib follows lib/, through an entry that only names
// /opt/lib from /var/task/bin; a loader and gconv from a layer are found
// there.
TEST(BootstrapTest, LayersComeAfterTheFunctionsOwnLibraries) {
  EXPECT_EQ(layerLibraryEntry("/var/task"), "$ORIGIN/../../task/../../opt/lib");
  BootstrapSpec Native = spec("", true);
  Native.LayerLibraries = true;
  EXPECT_EQ(makeBootstrapScript(Native),
            std::string(Head) +
                "export LD_LIBRARY_PATH='$ORIGIN/../lib:$ORIGIN/../../task/"
                "../../opt/lib'\"${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}\"\n"
                "exec \"$root/bin/orders\" \"$@\"\n");
  BootstrapSpec Libc = spec("ld-linux-x86-64.so.2", false, true, true);
  Libc.LayerLibraries = Libc.LoaderInLayer = Libc.GconvInLayer = true;
  EXPECT_EQ(makeBootstrapScript(Libc),
            std::string(Head) + "export GCONV_PATH=\"/opt/lib/gconv\"\n" +
                "if [ \"$root\" = /var/task ]; then\n  export "
                "LD_LIBRARY_PATH='$ORIGIN/../lib:$ORIGIN/../../task/../../opt/"
                "lib'\"${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}\"\n"
                "  exec \"$root/bin/orders\" \"$@\"\nfi\n"
                "exec \"/opt/lib/ld-linux-x86-64.so.2\" --library-path "
                "\"$root/lib:/opt/lib\" \"$root/bin/orders\" \"$@\"\n");
}

TEST(LimitsTest, ReadsTheRulesFile) {
  Expected<LambdaLimits> L = loadLambdaLimits(BRISK_TEST_RULES_DIR);
  ASSERT_TRUE(bool(L)) << toString(L.takeError());
  EXPECT_EQ(L->UnzippedBytesMax, 262144000u);
  EXPECT_EQ(L->DirectUploadZipBytesMax, 52428800u);
  EXPECT_EQ(L->LayersPerFunctionMax, 5u);
}

TEST(LimitsTest, MalformedFieldsAreNamed) {
  Expected<LambdaLimits> L = parseLambdaLimits(
      R"({"unzipped_bytes_max": "big", "direct_upload_zip_bytes_max": 1,
          "layers_per_function_max": 5})",
      "limits.json");
  ASSERT_FALSE(bool(L));
  EXPECT_EQ(toString(L.takeError()),
            "limits.json: 'unzipped_bytes_max' must be a positive integer");
}

} // namespace
