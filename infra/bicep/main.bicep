targetScope = 'subscription'

metadata description = 'LandUse on Azure: Flex Consumption Functions API, Event Grid blob trigger, GPU scoring worker on Container Apps, ADLS Gen2 storage, monitoring. Managed identities only; no keys in settings.'

@minLength(1)
@maxLength(64)
@description('Required. azd environment name; seeds every resource name.')
param environmentName string

@minLength(1)
@description('Required. Region for every resource. Serverless GPUs: westus3, australiaeast, swedencentral and a few more.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Optional. Object id of the deploying user or principal; it gets Storage Blob Data Contributor to upload tiles. Empty skips it.')
param principalId string = ''

@description('Optional. Kind of principalId.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@minLength(1)
@description('Required. Entra ID audience (application id URI) of the worker API; the function app requests tokens for it and the worker accepts only those. The azd preprovision hook creates the app registration.')
param workerAudience string

@minLength(1)
@description('Optional. App role a token must carry for the worker to accept it; the preprovision hook defines it on the worker\'s app registration and the postprovision hook assigns it to the function app\'s managed identity.')
param workerAppRole string = 'LandUse.Score'

@description('Optional. Serverless GPU profile of the worker.')
@allowed([
  'Consumption-GPU-NC8as-T4'
  'Consumption-GPU-NC24-A100'
])
param gpuWorkloadProfileType string = 'Consumption-GPU-NC8as-T4'

@description('Optional. Most worker replicas (GPUs) running at once.')
@minValue(1)
@maxValue(30)
param workerMaxReplicas int = 1

@description('Optional. Memory of each Functions instance in MB.')
@allowed([
  512
  2048
  4096
])
param functionInstanceMemoryMB int = 2048

@description('Optional. Most Functions instances running at once.')
@minValue(40)
@maxValue(1000)
param functionMaximumInstanceCount int = 40

@description('Optional. Create the Event Grid subscription that scores uploaded tiles. Needs the function code deployed: the azd postdeploy hook waits for the blob trigger\'s system key, then turns it on (BLOB_EVENTS_SUBSCRIBE) and provisions again.')
param blobEventsEnabled bool = false

@description('Optional. Whether the worker app already exists (set by azd), so a re-provision keeps its deployed image.')
param workerExists bool = false

@description('Optional. Registry model (<name> or <name>/<version> in the models container) runs use when POST /api/runs names none. Empty: a run must name one.')
param defaultModel string = ''

@description('Optional. Registry model uploads to the tiles container are scored with. Empty: the default model.')
param liveModel string = ''

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}

var containers = {
  tiles: 'tiles'
  results: 'results'
  models: 'models'
  deploymentPackage: 'deploymentpackage'
}
var tables = {
  predictions: 'predictions'
  runs: 'runs'
}
var functionAppName = '${abbrs.webSitesFunctions}${resourceToken}'
var storageAccountName = '${abbrs.storageStorageAccounts}${resourceToken}'
var registryName = '${abbrs.containerRegistryRegistries}${resourceToken}'
var applicationInsightsName = '${abbrs.insightsComponents}${resourceToken}'
var workerIdentityName = '${abbrs.managedIdentityUserAssignedIdentities}worker-${resourceToken}'
var storageTopicName = '${abbrs.eventGridSystemTopics}storage-${resourceToken}'
var workerAppName = '${abbrs.appContainerApps}worker-${resourceToken}'
var gpuWorkloadProfileName = 'gpu'

// The blob-triggered function fed by Event Grid (see src/Functions).
var uploadFunctionName = 'ScoreUploadedTile'

resource resourceGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: resourceGroup
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: resourceGroup
  params: {
    name: storageAccountName
    location: location
    tags: tags
    containerNames: [
      containers.tiles
      containers.results
      containers.models
      containers.deploymentPackage
    ]
    tableNames: [
      tables.predictions
      tables.runs
    ]
  }
}

module registry 'modules/registry.bicep' = {
  name: 'registry'
  scope: resourceGroup
  params: {
    name: registryName
    location: location
    tags: tags
  }
}

module workerIdentity 'modules/identity.bicep' = {
  name: 'worker-identity'
  scope: resourceGroup
  params: {
    name: workerIdentityName
    location: location
    tags: tags
  }
}

module containerAppsEnvironment 'modules/container-apps-environment.bicep' = {
  name: 'container-apps-environment'
  scope: resourceGroup
  params: {
    name: '${abbrs.appManagedEnvironments}${resourceToken}'
    location: location
    tags: tags
    gpuWorkloadProfileName: gpuWorkloadProfileName
    gpuWorkloadProfileType: gpuWorkloadProfileType
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
  }
}

// Known before the worker exists, so the function app does not wait for it.
var workerUrl = 'https://${workerAppName}.${containerAppsEnvironment.outputs.defaultDomain}'

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  scope: resourceGroup
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    serviceName: 'api'
    deploymentContainerUrl: '${storage.outputs.blobEndpoint}${containers.deploymentPackage}'
    instanceMemoryMB: functionInstanceMemoryMB
    maximumInstanceCount: functionMaximumInstanceCount
    appSettings: {
      // Functions host, Durable Task hub and deployment package: identity-based connection.
      AzureWebJobsStorage__blobServiceUri: storage.outputs.blobEndpoint
      AzureWebJobsStorage__queueServiceUri: storage.outputs.queueEndpoint
      AzureWebJobsStorage__tableServiceUri: storage.outputs.tableEndpoint
      AzureWebJobsStorage__credential: 'managedidentity'
      APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.applicationInsightsConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD'
      // Connection of the Event Grid blob trigger on the tiles container.
      TilesStorage__blobServiceUri: storage.outputs.blobEndpoint
      TilesStorage__queueServiceUri: storage.outputs.queueEndpoint
      TilesStorage__credential: 'managedidentity'
      // LandUseOptions (src/Functions/Configuration): where tiles, results and predictions live.
      LandUse__TilesContainer: containers.tiles
      LandUse__ResultsContainer: containers.results
      LandUse__BlobServiceUri: storage.outputs.blobEndpoint
      LandUse__TableServiceUri: storage.outputs.tableEndpoint
      LandUse__Live__BatchSize: '32'
      LandUse__Live__MaxDelayMilliseconds: '200'
      // The model registry (models/<name>/<version>/{model.onnx,manifest.json}) and the models runs and uploads use.
      LandUse__ModelsContainer: containers.models
      LandUse__DefaultModel: defaultModel
      LandUse__Live__Model: liveModel
      LandUse__MaxLoadedModels: '2'
      // ScoringEndpointOptions (src/Pipeline/Backends/Remote): score on the GPU worker with an Entra token.
      Scoring__Endpoint: workerUrl
      Scoring__Audience: workerAudience
      // At most Worker__MaxTilesPerRequest below (a test holds the two together).
      Scoring__MaxTilesPerCall: '256'
      // A cold GPU replica (scale from zero, image pull, model warm-up) can take minutes to answer.
      Scoring__AttemptTimeout: '00:02:00'
      Scoring__TotalTimeout: '00:10:00'
      Scoring__MaxRetries: '4'
      Scoring__RetryDelay: '00:00:02'
      Scoring__BreakDuration: '00:00:30'
      Scoring__ReadyTimeout: '00:15:00'
    }
  }
}

module roleAssignments 'modules/role-assignments.bicep' = {
  name: 'role-assignments'
  scope: resourceGroup
  // Storage and monitoring come in through the function app's outputs.
  dependsOn: [
    registry
  ]
  params: {
    storageAccountName: storageAccountName
    registryName: registryName
    applicationInsightsName: applicationInsightsName
    functionAppName: functionAppName
    functionPrincipalId: functionApp.outputs.principalId
    workerIdentityName: workerIdentityName
    workerPrincipalId: workerIdentity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

module workerApp 'modules/worker-app.bicep' = {
  name: 'worker-app'
  scope: resourceGroup
  // The first image pull needs AcrPull in place.
  dependsOn: [
    roleAssignments
  ]
  params: {
    name: workerAppName
    location: location
    tags: tags
    serviceName: 'worker'
    environmentId: containerAppsEnvironment.outputs.id
    workloadProfileName: gpuWorkloadProfileName
    workloadProfileType: gpuWorkloadProfileType
    identityId: workerIdentity.outputs.id
    registryServer: registry.outputs.loginServer
    exists: workerExists
    maxReplicas: workerMaxReplicas
    env: [
      {
        name: 'AZURE_CLIENT_ID'
        value: workerIdentity.outputs.clientId
      }
      {
        name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
        value: monitoring.outputs.applicationInsightsConnectionString
      }
      {
        name: 'ASPNETCORE_HTTP_PORTS'
        value: '8080'
      }
      // WorkerOptions (src/Worker/Options): CUDA, GPU-sized batches, tiles and models read with the identity.
      // The image bakes no model: requests name registry models, downloaded on first use (sha256 verified).
      {
        name: 'Worker__Models__Container'
        value: containers.models
      }
      {
        name: 'Worker__Models__BlobServiceUri'
        value: storage.outputs.blobEndpoint
      }
      {
        name: 'Worker__Models__MaxLoaded'
        value: '2'
      }
      {
        name: 'Worker__Provider'
        value: 'Cuda'
      }
      {
        name: 'Worker__MaxBatch'
        value: '128'
      }
      {
        name: 'Worker__MaxWaitMs'
        value: '10'
      }
      {
        name: 'Worker__MaxTilesPerRequest'
        value: '1024'
      }
      {
        name: 'Worker__MaxRequestBytes'
        value: '1048576'
      }
      {
        name: 'Worker__IntraOpThreads'
        value: '0'
      }
      {
        name: 'Worker__Tiles__ReadParallelism'
        value: '32'
      }
      {
        name: 'Worker__Tiles__BlobServiceUri'
        value: storage.outputs.blobEndpoint
      }
      {
        name: 'Worker__Auth__Audience'
        value: workerAudience
      }
      {
        name: 'Worker__Auth__TenantId'
        value: tenant().tenantId
      }
      {
        // Tokens without this app role get 403; only the function app's identity is assigned it.
        name: 'Worker__Auth__RequiredRole'
        value: workerAppRole
      }
      {
        // Decoded batches queued ahead of GPU inference (CPU decode overlaps the GPU).
        name: 'Worker__PipelineDepth'
        value: '2'
      }
    ]
  }
}

module storageEvents 'modules/storage-events-topic.bicep' = {
  name: 'storage-events'
  scope: resourceGroup
  params: {
    name: storageTopicName
    location: location
    tags: tags
    storageAccountId: storage.outputs.id
  }
}

module tileUploads 'modules/blob-event-subscription.bicep' = if (blobEventsEnabled) {
  name: 'tile-uploads'
  scope: resourceGroup
  // Runs after the app (and its code, see blobEventsEnabled) so the webhook key and handshake exist.
  dependsOn: [
    storageEvents
    functionApp
  ]
  params: {
    name: 'tile-uploads'
    systemTopicName: storageTopicName
    functionAppName: functionAppName
    functionName: uploadFunctionName
    containerName: containers.tiles
  }
}

@description('Region of the deployment.')
output AZURE_LOCATION string = location

@description('Tenant of the deployment.')
output AZURE_TENANT_ID string = tenant().tenantId

@description('Resource group holding everything.')
output AZURE_RESOURCE_GROUP string = resourceGroup.name

@description('Registry azd pushes the worker image to.')
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = registry.outputs.loginServer

@description('Base URL of the HTTP API (POST {API_BASE_URL}/runs).')
output API_BASE_URL string = 'https://${functionApp.outputs.defaultHostName}/api'

@description('Function app name.')
output FUNCTION_APP_NAME string = functionApp.outputs.name

@description('Object id of the function app\'s system-assigned identity; the postprovision hook assigns it the worker\'s app role.')
output FUNCTION_APP_PRINCIPAL_ID string = functionApp.outputs.principalId

@description('Storage account holding tiles, results and predictions.')
output STORAGE_ACCOUNT_NAME string = storage.outputs.name

@description('Blob endpoint of the storage account.')
output STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint

@description('Container that uploads are scored from.')
output TILES_CONTAINER string = containers.tiles

@description('Base URL of the GPU scoring worker.')
output WORKER_URL string = workerApp.outputs.url
