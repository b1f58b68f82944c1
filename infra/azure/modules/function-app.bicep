// A Node.js Function app on Flex Consumption with a system-assigned managed identity. Its host storage
// (AzureWebJobsStorage) and its deployment package container are reached with that identity: no keys.
param name string
param location string
param storageAccountName string
param storageBlobEndpoint string
param deploymentContainer string
@allowed(['20', '22'])
param nodeVersion string
param instanceMemoryMB int
param maximumInstanceCount int
param appInsightsConnectionString string
@description('ZAAKWERK_* settings of this app (plain values or Key Vault references).')
param settings object

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${name}-plan'
  location: location
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

var platformSettings = {
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD'
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainer}'
          authentication: { type: 'SystemAssignedIdentity' }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: { name: 'node', version: nodeVersion }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [for setting in items(union(platformSettings, settings)): { name: setting.key, value: setting.value }]
    }
  }
}

output id string = site.id
output name string = site.name
output principalId string = site.identity.principalId
output hostName string = site.properties.defaultHostName
