#!/bin/sh
# azd postdeploy hook: the Event Grid subscription is validated against the function's blob webhook and its
# endpoint carries the blobs_extension system key; both exist only once the deployed code runs its blob trigger.
# So the first `azd up` provisions without the subscription, and this hook, once the key exists, provisions again
# with the subscription requested (BLOB_EVENTS_SUBSCRIBE=true, which main.parameters.json maps to blobEventsEnabled).
# It waits for the key for a bounded time (BLOBS_KEY_WAIT_SECONDS, default 600), printing progress. It records
# BLOB_EVENTS_ENABLED=true only after that provision succeeded; if the provision fails or is interrupted the request
# is withdrawn, and while BLOB_EVENTS_ENABLED is not true the next run of this hook tries again.
set -eu

if [ "${BLOB_EVENTS_ENABLED:-false}" = "true" ]; then
  # Environments enabled before the request had its own variable keep the subscription on later provisions.
  [ "${BLOB_EVENTS_SUBSCRIBE:-}" = "true" ] || azd env set BLOB_EVENTS_SUBSCRIBE true
  echo "Blob upload events already enabled."
  exit 0
fi

app="${FUNCTION_APP_NAME:?the Bicep output FUNCTION_APP_NAME is missing; run azd provision}"
group="${AZURE_RESOURCE_GROUP:?the Bicep output AZURE_RESOURCE_GROUP is missing; run azd provision}"
wait_seconds="${BLOBS_KEY_WAIT_SECONDS:-600}"
interval="${BLOBS_KEY_INTERVAL_SECONDS:-15}"
step="$interval"
[ "$step" -gt 0 ] || step=1

waited=0
while :; do
  # A request wakes the Flex Consumption host, which creates the key when it loads the blob trigger.
  if [ -n "${API_BASE_URL:-}" ] && command -v curl >/dev/null 2>&1; then
    curl -s -o /dev/null --max-time 10 "${API_BASE_URL%/api}/" || true
  fi
  # Only a successful answer with a value counts; the key itself is never printed.
  if key="$(az functionapp keys list --resource-group "$group" --name "$app" --query "systemKeys.blobs_extension" -o tsv 2>/dev/null)" && [ -n "$key" ]; then
    echo "postdeploy: the blobs_extension system key of $app exists (after ${waited}s)"
    break
  fi
  if [ "$waited" -ge "$wait_seconds" ]; then
    echo "postdeploy: $app has no blobs_extension system key after ${wait_seconds}s; BLOB_EVENTS_ENABLED stays false (is the ScoreUploadedTile function deployed and running?); run azd deploy api, then this hook again (azd hooks run postdeploy)" >&2
    exit 1
  fi
  echo "postdeploy: waiting for the blobs_extension system key of $app (${waited}s of ${wait_seconds}s)"
  sleep "$interval"
  waited=$((waited + step))
done

withdraw() {
  azd env set BLOB_EVENTS_SUBSCRIBE false
  echo "postdeploy: provisioning the blob event subscription did not finish; BLOB_EVENTS_ENABLED stays false (run azd hooks run postdeploy to try again)" >&2
}
# azd reads template parameters only from its environment, so the request is stored for this provision.
azd env set BLOB_EVENTS_SUBSCRIBE true
trap 'withdraw; exit 1' INT TERM
if ! azd provision --no-prompt; then
  trap - INT TERM
  withdraw
  exit 1
fi
trap - INT TERM
azd env set BLOB_EVENTS_ENABLED true
echo "postdeploy: blob upload events enabled (BLOB_EVENTS_ENABLED=true)"
