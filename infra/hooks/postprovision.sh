#!/bin/sh
# azd postprovision hook: assigns the worker's app role (WORKER_APP_ROLE, LandUse.Score) to the Function App's
# system-assigned managed identity (FUNCTION_APP_PRINCIPAL_ID, a Bicep output), so the tokens it gets for
# WORKER_AUDIENCE carry the role in their roles claim. The identity exists only once Bicep created the app, hence
# after provisioning. Idempotent: an existing assignment is kept. Microsoft Graph needs a moment to see a new
# identity, so the assignment is retried for a bounded time (ROLE_ASSIGNMENT_WAIT_SECONDS, default 300).
set -eu

role="${WORKER_APP_ROLE:-LandUse.Score}"
principal="${FUNCTION_APP_PRINCIPAL_ID:?the Bicep output FUNCTION_APP_PRINCIPAL_ID is missing; run azd provision}"
audience="${WORKER_AUDIENCE:?WORKER_AUDIENCE is not set; the preprovision hook sets it}"
wait_seconds="${ROLE_ASSIGNMENT_WAIT_SECONDS:-300}"
interval="${ROLE_ASSIGNMENT_INTERVAL_SECONDS:-15}"
graph="https://graph.microsoft.com/v1.0"

app_id="$(az ad app list --filter "identifierUris/any(u:u eq '$audience')" --query '[0].appId' -o tsv)"
if [ -z "$app_id" ]; then
  echo "postprovision: no app registration has the identifier URI $audience" >&2
  exit 1
fi
resource="$(az ad sp show --id "$app_id" --query id -o tsv)"
role_id="$(az ad sp show --id "$app_id" --query "appRoles[?value=='$role'].id | [0]" -o tsv)"
if [ -z "$role_id" ]; then
  echo "postprovision: the service principal of $app_id has no app role $role; the preprovision hook adds it" >&2
  exit 1
fi

assigned="$(az rest --method GET --uri "$graph/servicePrincipals/$resource/appRoleAssignedTo" \
  --query "length(value[?principalId=='$principal' && appRoleId=='$role_id'])" -o tsv)"
if [ "${assigned:-0}" != "0" ]; then
  echo "App role $role already assigned to the Function App's identity $principal"
  exit 0
fi

body="{\"principalId\": \"$principal\", \"resourceId\": \"$resource\", \"appRoleId\": \"$role_id\"}"
step="$interval"
[ "$step" -gt 0 ] || step=1
waited=0
until az rest --method POST --uri "$graph/servicePrincipals/$resource/appRoleAssignedTo" \
  --headers "Content-Type=application/json" --body "$body" >/dev/null; do
  if [ "$waited" -ge "$wait_seconds" ]; then
    echo "postprovision: could not assign app role $role to $principal within ${wait_seconds}s (assigning an app role to a managed identity needs a directory role such as Application Administrator or Cloud Application Administrator)" >&2
    exit 1
  fi
  echo "postprovision: Graph does not accept the assignment yet; retrying (${waited}s of ${wait_seconds}s)"
  sleep "$interval"
  waited=$((waited + step))
done
echo "Assigned app role $role of $app_id to the Function App's identity $principal"
