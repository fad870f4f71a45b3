# Installing and packaging: `cmake --install` puts jixiao under a prefix; `cpack -G DEB` (through
# scripts/build-static.sh, which also passes Debian's hardening flags) makes
# jixiao_<version>_<arch>.deb of the static program.
# With JIXIAO_PACKAGE_DOCS, the manual page and the bash completion are generated from the built
# program (scripts/make_docs.py: its --help and its rules), and the Debian changelog and
# copyright file are installed with the README.
include(GNUInstallDirs)
install(TARGETS jixiao RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY schemas/ DESTINATION ${CMAKE_INSTALL_DATADIR}/jixiao/schemas FILES_MATCHING PATTERN "*.json")

option(JIXIAO_PACKAGE_DOCS "Generate and install the manual page, completion, changelog (needs python3, pandoc, gzip)" OFF)
if(JIXIAO_PACKAGE_DOCS)
  set(docs ${CMAKE_CURRENT_BINARY_DIR}/package-docs)
  add_custom_command(
    OUTPUT ${docs}/jixiao.1.gz ${docs}/jixiao.bash-completion ${docs}/changelog.gz ${docs}/README.md.gz
    COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/scripts/make_docs.py ${CMAKE_CROSSCOMPILING_EMULATOR} $<TARGET_FILE:jixiao> ${docs}
    COMMAND gzip -9nf ${docs}/jixiao.1
    COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/scripts/make_changelog.py ${PROJECT_VERSION} ${docs}/changelog
    COMMAND gzip -9nf ${docs}/changelog
    COMMAND gzip -9nc ${CMAKE_CURRENT_SOURCE_DIR}/README.md > ${docs}/README.md.gz
    DEPENDS jixiao ${CMAKE_CURRENT_SOURCE_DIR}/scripts/make_docs.py ${CMAKE_CURRENT_SOURCE_DIR}/scripts/make_changelog.py
            ${CMAKE_CURRENT_SOURCE_DIR}/README.md
    VERBATIM)
  add_custom_target(package_docs ALL DEPENDS ${docs}/jixiao.1.gz)
  install(FILES ${docs}/jixiao.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  install(FILES ${docs}/jixiao.bash-completion DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
          RENAME jixiao)
  install(FILES ${docs}/changelog.gz ${docs}/README.md.gz packaging/copyright
          DESTINATION ${CMAKE_INSTALL_DOCDIR})
endif()
# JIXIAO_LICENSES: NAME=FILE;… the copyright files of the libraries linked into the program,
# installed as licenses/NAME (the build scripts list what each build links).
set(JIXIAO_LICENSES "" CACHE STRING "NAME=FILE;… copyright files of the libraries linked in")
foreach(entry IN LISTS JIXIAO_LICENSES)
  string(REPLACE "=" ";" parts "${entry}")
  list(GET parts 0 name)
  list(GET parts 1 file)
  install(FILES ${file} DESTINATION ${CMAKE_INSTALL_DOCDIR}/licenses RENAME ${name})
endforeach()

set(CPACK_PACKAGE_NAME jixiao)
set(CPACK_PACKAGE_VENDOR "jixiao")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "jixiao maintainers <maintainers@jixiao.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "converter and checker of budget performance-target documents")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
if(JIXIAO_STATIC)
  # Nothing to depend on; the architecture is the target's (arm64 when cross-built).
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS OFF)
  if(CMAKE_SYSTEM_PROCESSOR STREQUAL "aarch64")
    set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE arm64)
  endif()
  # A static program is what this package is for (信创 desktops with an older C library).
  install(FILES packaging/lintian-overrides DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides RENAME jixiao)
else()
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
endif()
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "libreoffice-writer-nogui | libreoffice-writer")
set(CPACK_PACKAGE_DESCRIPTION "jixiao reads the budget performance-target documents (预算绩效目标表)
that the budget units of a county submit each year, as .docx files (and as
legacy .doc, .wps, .odt or .rtf files through LibreOffice), into a typed model.
It checks them against its rules, writes them as JSON, CSV, XLSX or a
normalized .docx, draws a self-contained review page, and compares two
versions of a submission or two years of a county.")
set(CPACK_GENERATOR DEB)
include(CPack)
