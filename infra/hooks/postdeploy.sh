#!/bin/sh
# azd postdeploy hook: the Event Grid subscription is validated against the function's blob webhook and its
# endpoint carries the blobs_extension system key; both exist only once the code runs. So the first
# `azd up` provisions without it and this hook provisions again with BLOB_EVENTS_ENABLED=true.
set -eu

if [ "${BLOB_EVENTS_ENABLED:-false}" = "true" ]; then
  echo "Blob upload events already enabled."
  exit 0
fi

azd env set BLOB_EVENTS_ENABLED true
azd provision --no-prompt
