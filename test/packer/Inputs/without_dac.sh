#!/bin/sh
# Runs a command unable to read what its permission bits forbid: as root,
# without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH (so that chmod 000 means
# something in CI, which runs as root); as anyone else, as it is.
if [ "$(id -u)" = 0 ]; then
  exec setpriv --inh-caps=-dac_override,-dac_read_search \
    --bounding-set=-dac_override,-dac_read_search "$@"
fi
exec "$@"
