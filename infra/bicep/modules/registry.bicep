metadata description = 'Container Registry for the scoring worker image; no admin user, pulls use managed identity (AcrPull).'

@description('Required. Registry name (5-50 letters and digits).')
@minLength(5)
@maxLength(50)
param name string

@description('Required. Azure region.')
param location string

@description('Optional. Tags for every resource.')
param tags object = {}

@description('Optional. Registry tier.')
@allowed([
  'Basic'
  'Standard'
  'Premium'
])
param skuName string = 'Basic'

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
  }
  properties: {
    adminUserEnabled: false
    publicNetworkAccess: 'Enabled'
  }
}

@description('Registry name.')
output name string = registry.name

@description('Login server, for example crabc.azurecr.io.')
output loginServer string = registry.properties.loginServer
