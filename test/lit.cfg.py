# lit configuration shared by test/analyzer and test/packer.
import os
import lit.formats
import lit.util

config.name = "brisk"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".c", ".test"]
config.excludes = ["Inputs", "unit", "bench", "utils", "events"]

site = lit_config.params.get("brisk_site_config")
if not site:
    lit_config.fatal("run through CTest, or pass --param brisk_site_config=BUILD/test/lit.site.cfg.py")
lit_config.load_config(config, site)

config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.brisk_build_dir, "test", "lit-out")

config.environment["PATH"] = os.pathsep.join(
    [config.brisk_bin_dir, config.llvm_tools_dir, config.environment.get("PATH", os.environ["PATH"])])
# Tests must not depend on the machine's locale or time zone.
config.environment["LC_ALL"] = "C"
config.environment["TZ"] = "UTC"

utils = os.path.join(config.test_source_root, "utils")
config.substitutions.append(("%python", config.python_executable))
config.substitutions.append(("%mkdb", "%s %s" % (config.python_executable, os.path.join(utils, "mkdb.py"))))
config.substitutions.append(("%clangxx", os.path.join(config.llvm_tools_dir, "clang++")))
config.substitutions.append(("%clang", os.path.join(config.llvm_tools_dir, "clang")))
config.substitutions.append(("%rules", os.path.join(config.brisk_source_dir, "rules")))
config.substitutions.append(("%events", os.path.join(config.test_source_root, "events")))
# The greeting example, built when BRISK_BUILD_EXAMPLES is on.
greeting = os.path.join(config.brisk_build_dir, "examples", "greeting", "greeting")
if os.path.exists(greeting):
    config.available_features.add("greeting")
config.substitutions.append(("%greeting", greeting))
# The examples that share libraries with greeting (layers, the CMake package).
for example in ("digest", "archive"):
    built = os.path.join(config.brisk_build_dir, "examples", example, example)
    if os.path.exists(built):
        config.available_features.add(example)
    config.substitutions.append(("%" + example, built))
# Cross-building for arm64 (Debian's g++-aarch64-linux-gnu) and running the
# result (qemu-user).
if os.path.exists("/usr/bin/aarch64-linux-gnu-g++"):
    config.available_features.add("aarch64-cross")
if os.path.exists("/usr/bin/qemu-aarch64"):
    config.available_features.add("qemu-aarch64")
# Headless Chromium renders the size report.
if os.path.exists("/usr/bin/chromium"):
    config.available_features.add("chromium")
# brisk's CMake package in the build tree (find_package(brisk)).
config.substitutions.append(("%brisk_cmake_dir", os.path.join(config.brisk_build_dir, "lib", "cmake", "brisk")))
# The anti-patterns example linked as a Lambda executable.
orders = os.path.join(config.brisk_build_dir, "examples", "anti-patterns", "orders")
if os.path.exists(orders):
    config.available_features.add("anti-patterns")
config.substitutions.append(("%anti_patterns", orders))
