#!/bin/sh
# azd preprovision hook: makes sure WORKER_AUDIENCE names an Entra ID application the function app can get tokens
# for and the worker validates, that the application defines the app role the worker requires (LandUse.Score, for
# applications), and that its service principal requires an assignment: a token for the worker's audience carries the
# role only for the identities it is assigned to (the postprovision hook assigns it to the Function App's managed
# identity). Bicep cannot create app registrations without the Graph extension (a registry download), so the Azure
# CLI does it here; every step is idempotent (this hook also runs before the postdeploy hook's second provision).
set -eu

role="${WORKER_APP_ROLE:-LandUse.Score}"

if [ -n "${WORKER_AUDIENCE:-}" ]; then
  echo "WORKER_AUDIENCE is set: $WORKER_AUDIENCE"
  app_id="$(az ad app list --filter "identifierUris/any(u:u eq '$WORKER_AUDIENCE')" --query '[0].appId' -o tsv)"
  if [ -z "$app_id" ]; then
    echo "preprovision: no app registration has the identifier URI $WORKER_AUDIENCE; unset WORKER_AUDIENCE to have one created" >&2
    exit 1
  fi
else
  name="landuse-worker-${AZURE_ENV_NAME:?azd sets AZURE_ENV_NAME}"
  app_id="$(az ad app list --display-name "$name" --query '[0].appId' -o tsv)"
  if [ -z "$app_id" ]; then
    echo "Creating app registration $name"
    app_id="$(az ad app create --display-name "$name" --sign-in-audience AzureADMyOrg --query appId -o tsv)"
  fi
  az ad app update --id "$app_id" --identifier-uris "api://$app_id"
fi

# The app role callers need. An application that already has other roles is left for its owner to extend: az ad app
# update --app-roles replaces the whole list.
role_id="$(az ad app show --id "$app_id" --query "appRoles[?value=='$role'].id | [0]" -o tsv)"
if [ -z "$role_id" ]; then
  roles="$(az ad app show --id "$app_id" --query 'length(appRoles)' -o tsv)"
  if [ "${roles:-0}" != "0" ]; then
    echo "preprovision: app registration $app_id has $roles app role(s) but not $role; add an app role with value $role (allowed member types: Applications) and provision again" >&2
    exit 1
  fi
  role_id="$(cat /proc/sys/kernel/random/uuid 2>/dev/null || uuidgen)"
  role_id="$(printf '%s' "$role_id" | tr '[:upper:]' '[:lower:]')"
  manifest="$(mktemp)"
  trap 'rm -f "$manifest"' EXIT
  cat >"$manifest" <<EOF
[{"allowedMemberTypes": ["Application"], "description": "Score tiles on the LandUse scoring worker (POST /v1/score).", "displayName": "$role", "id": "$role_id", "isEnabled": true, "value": "$role"}]
EOF
  echo "Adding app role $role ($role_id) to $app_id"
  az ad app update --id "$app_id" --app-roles "@$manifest"
fi

# Tokens are issued only for applications with a service principal in the tenant; with assignment required, only
# identities assigned a role of it get one at all.
az ad sp show --id "$app_id" >/dev/null 2>&1 || az ad sp create --id "$app_id" >/dev/null
az ad sp update --id "$app_id" --set appRoleAssignmentRequired=true

if [ -z "${WORKER_AUDIENCE:-}" ]; then
  azd env set WORKER_AUDIENCE "api://$app_id"
  echo "WORKER_AUDIENCE=api://$app_id"
fi
azd env set WORKER_APP_ROLE "$role"
echo "App role $role ($role_id) on $app_id; assignment required"
