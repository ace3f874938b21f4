metadata description = 'Delivers BlobCreated events for images in the tiles container to the Event Grid blob trigger of the function app (the only blob trigger Flex Consumption supports). Deploy it after the app code: the blobs_extension key and the webhook handshake exist only once the host runs the trigger.'

@description('Required. Event subscription name.')
param name string

@description('Required. System topic name.')
param systemTopicName string

@description('Required. Function app name.')
param functionAppName string

@description('Required. Name of the blob-triggered function.')
param functionName string

@description('Required. Container whose uploads are scored.')
param containerName string

@description('Optional. File name endings that count as tiles (matched without regard to case).')
param fileSuffixes string[] = [
  '.png'
  '.jpg'
  '.jpeg'
]

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

// System key the Functions host creates for the blob extension's webhook once the trigger is loaded.
var blobsExtensionKey = listKeys('${functionApp.id}/host/default', '2024-04-01').systemKeys.blobs_extension

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: topic
  name: name
  properties: {
    eventDeliverySchema: 'EventGridSchema'
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${functionApp.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${functionName}&code=${blobsExtensionKey}'
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${containerName}/'
      advancedFilters: [
        {
          operatorType: 'StringEndsWith'
          key: 'subject'
          values: fileSuffixes
        }
        // With a hierarchical namespace a Data Lake upload also raises BlobCreated for the empty
        // CreateFile call; only fully committed blobs are scored.
        {
          operatorType: 'StringIn'
          key: 'data.api'
          values: [
            'PutBlob'
            'PutBlockList'
            'CopyBlob'
            'FlushWithClose'
          ]
        }
      ]
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

@description('Event subscription name.')
output name string = subscription.name
