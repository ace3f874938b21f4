metadata description = 'Scoring worker Container App on the serverless GPU profile: scales to zero, HTTP scale rule, image pulled from the registry with a user-assigned identity.'

@description('Required. Container app name.')
param name string

@description('Required. Azure region.')
param location string

@description('Optional. Tags for the app.')
param tags object = {}

@description('Required. azd service name, set as the azd-service-name tag so `azd deploy` finds the app.')
param serviceName string

@description('Required. Container Apps environment resource id.')
param environmentId string

@description('Required. Workload profile the app runs on (the GPU profile).')
param workloadProfileName string

@description('Required. GPU workload profile type, which decides the CPU and memory a replica gets.')
@allowed([
  'Consumption-GPU-NC8as-T4'
  'Consumption-GPU-NC24-A100'
])
param workloadProfileType string

@description('Required. Resource id of the user-assigned identity used for image pulls and storage reads.')
param identityId string

@description('Required. Registry login server the image is pulled from.')
param registryServer string

@description('Required. Whether the app already exists; azd sets it so a re-provision keeps the deployed image.')
param exists bool

@description('Required. Environment variables of the container (plain values, no secrets).')
param env object[]

@description('Optional. Port the worker listens on.')
param targetPort int = 8080

@description('Optional. Most replicas the HTTP rule may scale to.')
@minValue(1)
@maxValue(30)
param maxReplicas int = 1

@description('Optional. Concurrent requests per replica before another replica is added.')
@minValue(1)
param concurrentRequests int = 16

// Serverless GPU profiles give a replica the whole card with this CPU and memory.
var replicaSizes = {
  'Consumption-GPU-NC8as-T4': {
    cpu: json('8.0')
    memory: '56Gi'
  }
  'Consumption-GPU-NC24-A100': {
    cpu: json('24.0')
    memory: '220Gi'
  }
}

// azd deploys the real image after provisioning; until then a public placeholder keeps the app valid.
var placeholderImage = 'mcr.microsoft.com/azuredocs/containerapps-helloworld:latest'

resource existingApp 'Microsoft.App/containerApps@2024-03-01' existing = if (exists) {
  name: name
}

resource workerApp 'Microsoft.App/containerApps@2024-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    environmentId: environmentId
    workloadProfileName: workloadProfileName
    configuration: {
      activeRevisionsMode: 'Single'
      // External so the Flex Consumption app (outside the environment) can call it; every call
      // must carry an Entra ID bearer token for the worker's audience, which the worker validates.
      ingress: {
        external: true
        targetPort: targetPort
        transport: 'auto'
        allowInsecure: false
      }
      registries: [
        {
          server: registryServer
          identity: identityId
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'worker'
          image: exists ? existingApp!.properties.template.containers[0].image : placeholderImage
          env: env
          resources: replicaSizes[workloadProfileType]
          probes: [
            {
              type: 'Liveness'
              httpGet: {
                path: '/healthz'
                port: targetPort
              }
              periodSeconds: 30
            }
            {
              type: 'Startup'
              httpGet: {
                path: '/readyz'
                port: targetPort
              }
              periodSeconds: 10
              failureThreshold: 30
            }
          ]
        }
      ]
      scale: {
        minReplicas: 0
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'http-requests'
            http: {
              metadata: {
                concurrentRequests: string(concurrentRequests)
              }
            }
          }
        ]
      }
    }
  }
}

@description('Container app name.')
output name string = workerApp.name

@description('Public HTTPS base URL of the worker.')
output url string = 'https://${workerApp.properties.configuration.ingress.fqdn}'
