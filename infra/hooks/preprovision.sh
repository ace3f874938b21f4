#!/bin/sh
# azd preprovision hook: makes sure WORKER_AUDIENCE names an Entra ID application the function app can get
# tokens for and the worker validates. Bicep cannot create app registrations without the Graph extension
# (a registry download), so the Azure CLI does it here, once per azd environment.
set -eu

if [ -n "${WORKER_AUDIENCE:-}" ]; then
  echo "WORKER_AUDIENCE is set: $WORKER_AUDIENCE"
  exit 0
fi

name="landuse-worker-${AZURE_ENV_NAME:?azd sets AZURE_ENV_NAME}"
app_id="$(az ad app list --display-name "$name" --query '[0].appId' -o tsv)"
if [ -z "$app_id" ]; then
  echo "Creating app registration $name"
  app_id="$(az ad app create --display-name "$name" --sign-in-audience AzureADMyOrg --query appId -o tsv)"
fi
az ad app update --id "$app_id" --identifier-uris "api://$app_id"
# Tokens are issued only for applications with a service principal in the tenant.
az ad sp show --id "$app_id" >/dev/null 2>&1 || az ad sp create --id "$app_id" >/dev/null

azd env set WORKER_AUDIENCE "api://$app_id"
echo "WORKER_AUDIENCE=api://$app_id"
