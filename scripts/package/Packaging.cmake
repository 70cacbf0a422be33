# CPack: `cpack -G DEB` in the build folder writes brisk_<version>_<arch>.deb
# with what `cmake --install` installs (/usr/bin, /usr/share/brisk/rules,
# /usr/share/doc/brisk, /usr/share/man/man1). Depends names the Debian 12
# packages of every library the tools link (test/package/deb-install checks
# the list against the binaries' DT_NEEDED) plus clang's builtin headers,
# which brisk-check parses with.

set(CPACK_PACKAGE_NAME brisk)
set(CPACK_PACKAGE_VENDOR brisk)
set(CPACK_PACKAGE_CONTACT "brisk <brisk@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "fast-starting, small AWS Lambda functions in C and C++")
set(CPACK_PACKAGE_DESCRIPTION
    "brisk-check finds per-invocation work and state that leaks between warm\n\
invocations in Lambda handlers; brisk-pack packs native functions into\n\
small, deterministic zips and layers.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libllvm19, libclang-cpp19, libclang-common-19-dev, libarchive13, \
libzstd1, libcpp-httplib0.11, libstdc++6, libc6")
# brisk-pack verify and invoke run functions in bubblewrap, and managed
# runtimes with the host's interpreters; packing works without them.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "bubblewrap, python3, nodejs")
# gzip: a few seconds where xz takes half a minute, for a package that is
# built in every CI run.
set(CPACK_DEBIAN_COMPRESSION_TYPE gzip)
include(CPack)
