metadata description = 'Container Apps environment with workload profiles: Consumption plus one serverless GPU profile for the scoring worker. Logs flow to Log Analytics through diagnostic settings, so no workspace key is needed.'

@description('Required. Environment name.')
param name string

@description('Required. Azure region (serverless GPUs are offered in a few regions only).')
param location string

@description('Optional. Tags for every resource.')
param tags object = {}

@description('Required. Workload profile name the GPU apps pin to.')
param gpuWorkloadProfileName string

@description('Required. Serverless GPU workload profile type.')
@allowed([
  'Consumption-GPU-NC8as-T4'
  'Consumption-GPU-NC24-A100'
])
param gpuWorkloadProfileType string

@description('Required. Log Analytics workspace resource id for console and system logs.')
param logAnalyticsWorkspaceId string

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'azure-monitor'
    }
    workloadProfiles: [
      {
        name: 'Consumption'
        workloadProfileType: 'Consumption'
      }
      {
        name: gpuWorkloadProfileName
        workloadProfileType: gpuWorkloadProfileType
      }
    ]
  }
}

resource logs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'logs-to-workspace'
  scope: environment
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
  }
}

@description('Environment resource id.')
output id string = environment.id

@description('Default domain of the environment.')
output defaultDomain string = environment.properties.defaultDomain
