metadata description = 'Flex Consumption (FC1) Function App for the .NET isolated API: system-assigned identity, package deployed from a blob container with that identity, settings passed in whole by the caller.'

@description('Required. Function app name.')
param name string

@description('Required. Flex Consumption plan name.')
param planName string

@description('Required. Azure region.')
param location string

@description('Optional. Tags for the plan.')
param tags object = {}

@description('Required. azd service name, set as the azd-service-name tag so `azd deploy` finds the app.')
param serviceName string

@description('Required. Blob container URL the deployment package is uploaded to (https://<account>.blob.core.windows.net/<container>).')
param deploymentContainerUrl string

@description('Optional. Functions runtime stack.')
param runtimeName string = 'dotnet-isolated'

@description('Optional. Runtime version.')
param runtimeVersion string = '10.0'

@description('Optional. Memory of each instance in MB (Flex Consumption sizes).')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Optional. Upper bound on scale-out.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Required. App settings; identity-based connections only, never keys or connection strings with secrets.')
param appSettings object

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: runtimeName
        version: runtimeVersion
      }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: appSettings
  }

  // Publishing goes through Entra ID (azd uses a token); basic-auth publishing credentials stay off.
  resource ftpCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }

  resource scmCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }
}

@description('Function app name.')
output name string = functionApp.name

@description('Default host name, for example func-abc.azurewebsites.net.')
output defaultHostName string = functionApp.properties.defaultHostName

@description('Object id of the system-assigned identity, for role assignments.')
output principalId string = functionApp.identity.principalId
