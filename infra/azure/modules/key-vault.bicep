// Key Vault in RBAC mode for the two client secrets (API on-behalf-of, bot) and Graph's notification secret. Function apps read them
// through Key Vault references with their managed identity; nothing else holds the values.
param name string
param location string
param tenantId string
@secure()
param apiClientSecret string
@secure()
param botClientSecret string
@description('Empty: Graph change notifications are off and no secret is stored.')
@secure()
param graphNotificationSecret string = ''

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  properties: {
    tenantId: tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource apiSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'api-client-secret'
  properties: { value: apiClientSecret }
}

resource botSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'bot-client-secret'
  properties: { value: botClientSecret }
}

resource graphClientState 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(graphNotificationSecret)) {
  parent: vault
  name: 'graph-client-state'
  properties: { value: graphNotificationSecret }
}

output id string = vault.id
output name string = vault.name
output uri string = vault.properties.vaultUri
