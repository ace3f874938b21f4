metadata description = 'Event Grid system topic that publishes the storage account\'s blob events.'

@description('Required. System topic name.')
param name string

@description('Required. Azure region (the storage account\'s).')
param location string

@description('Optional. Tags for the topic.')
param tags object = {}

@description('Required. Storage account resource id the topic listens to.')
param storageAccountId string

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    source: storageAccountId
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

@description('System topic name.')
output name string = topic.name
