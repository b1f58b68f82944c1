// Zaakwerk in Azure: the API and the bot as Function apps (Flex Consumption, Node, managed identity),
// one keyless storage account, Key Vault for the two client secrets, Application Insights, the Azure Bot
// with its Teams channel, and static hosting for the tab and the add-in.
// Deployed by `arm/deploy` in teamsapp.yml; every output becomes a variable in env/.env.<name>.
// Parameters are documented in infra/azure/README.md.

@description('Short lowercase name that every resource name starts with, e.g. "zaakwerkdev".')
@minLength(3)
@maxLength(16)
param resourceBaseName string

@description('Azure region for everything except the Static Web Apps and the (global) bot.')
param location string = resourceGroup().location

@description('Region for the two Static Web Apps (they exist in a few regions only).')
param staticSitesLocation string = 'westeurope'

@description('Entra tenant that signs the tokens (the customer tenant; single tenant per deployment).')
param tenantId string = subscription().tenantId

@description('Client id of the Zaakwerk app registration (SPA + API), AAD_APP_CLIENT_ID.')
param apiClientId string

@description('Client secret of the Zaakwerk app registration, for on-behalf-of calls to Graph. Stored in Key Vault only.')
@secure()
param apiClientSecret string

@description('Client id of the bot\'s own app registration, BOT_ID.')
param botClientId string

@description('Client secret of the bot\'s app registration. Stored in Key Vault only.')
@secure()
param botClientSecret string

@description('Node.js major version of both Function apps.')
@allowed(['20', '22'])
param nodeVersion string = '20'

@description('Memory per Flex Consumption instance (MB).')
@allowed([512, 2048, 4096])
param functionInstanceMemoryMB int = 2048

@description('Upper bound of Flex Consumption scale-out per Function app.')
@minValue(1)
@maxValue(1000)
param functionMaximumInstanceCount int = 40

@description('Microsoft Graph base URL (ZAAKWERK_GRAPH_BASE_URL).')
param graphBaseUrl string = 'https://graph.microsoft.com'

@description('Log level of both Function apps (ZAAKWERK_LOG_LEVEL).')
@allowed(['debug', 'info', 'warn', 'error'])
param logLevel string = 'info'

@description('SharePoint site id of the case documents (ZAAKWERK_DOCUMENTS_SITE_ID), "<host>,<site collection id>,<web id>"; empty: the document endpoints report that documents are not configured.')
param documentsSiteId string = ''

@description('Document library of that site holding one folder per case (ZAAKWERK_DOCUMENTS_LIBRARY).')
param documentsLibrary string = 'Documenten'

@description('Largest document upload in bytes (ZAAKWERK_DOCUMENT_MAX_BYTES); the Functions host admits request bodies up to this plus 1 MiB.')
@minValue(1048576)
param documentMaxBytes int = 262144000

@description('HTTPS address Microsoft Graph sends change notifications of the document library to: https://<API host>/api/v1/graph/notifications (ZAAKWERK_GRAPH_NOTIFICATION_URL). Empty: no notifications; the sync timer still reads the changes every 5 minutes.')
param graphNotificationUrl string = ''

@description('Secret Graph echoes in every change notification (16–128 characters, ZAAKWERK_GRAPH_CLIENT_STATE); needed with graphNotificationUrl. Stored in Key Vault only.')
@secure()
param graphNotificationSecret string = ''

@description('Days Log Analytics keeps telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

var suffix = uniqueString(resourceGroup().id, resourceBaseName)
var compactName = toLower(replace(resourceBaseName, '-', ''))
var storageAccountName = take('${compactName}${suffix}', 24)
var keyVaultName = take('${compactName}-kv-${suffix}', 24)
var authority = '${environment().authentication.loginEndpoint}${tenantId}/v2.0'

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: { name: resourceBaseName, location: location, retentionInDays: logRetentionInDays }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: { name: storageAccountName, location: location, deploymentContainers: ['api-deployment', 'bot-deployment'] }
}

module vault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    name: keyVaultName
    location: location
    tenantId: tenantId
    apiClientSecret: apiClientSecret
    botClientSecret: botClientSecret
    graphNotificationSecret: graphNotificationSecret
  }
}

module tabSite 'modules/static-site.bicep' = {
  name: 'tab-site'
  params: { name: '${resourceBaseName}-tab', location: staticSitesLocation }
}

module addinSite 'modules/static-site.bicep' = {
  name: 'addin-site'
  params: { name: '${resourceBaseName}-addin', location: staticSitesLocation }
}

// The API's app id URI follows the Teams SSO rule api://<tab domain>/<client id>; aad.manifest.json sets the same.
var apiAppIdUri = 'api://${tabSite.outputs.hostName}/${apiClientId}'
// App settings point at Key Vault secrets; the platform resolves them with the app's managed identity.
var apiSecretReference = '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=api-client-secret)'
var botSecretReference = '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=bot-client-secret)'
var graphClientStateReference = '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=graph-client-state)'
// Graph change notifications only with both the address and the secret (the API refuses one without the other).
var graphNotificationSettings = empty(graphNotificationUrl) || empty(graphNotificationSecret)
  ? {}
  : { ZAAKWERK_GRAPH_NOTIFICATION_URL: graphNotificationUrl, ZAAKWERK_GRAPH_CLIENT_STATE: graphClientStateReference }

module api 'modules/function-app.bicep' = {
  name: 'api-function-app'
  params: {
    name: '${resourceBaseName}-api-${suffix}'
    location: location
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainer: 'api-deployment'
    nodeVersion: nodeVersion
    instanceMemoryMB: functionInstanceMemoryMB
    maximumInstanceCount: functionMaximumInstanceCount
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    settings: union({
      ZAAKWERK_ENV: 'azure'
      ZAAKWERK_STORAGE_ACCOUNT_NAME: storage.outputs.name
      ZAAKWERK_TENANT_ID: tenantId
      ZAAKWERK_AUTHORITY: authority
      ZAAKWERK_API_CLIENT_ID: apiClientId
      ZAAKWERK_API_APP_ID_URI: apiAppIdUri
      ZAAKWERK_API_CLIENT_SECRET: apiSecretReference
      ZAAKWERK_GRAPH_BASE_URL: graphBaseUrl
      ZAAKWERK_BOT_CLIENT_ID: botClientId
      ZAAKWERK_ALLOWED_ORIGINS: 'https://${tabSite.outputs.hostName},https://${addinSite.outputs.hostName}'
      ZAAKWERK_LOG_LEVEL: logLevel
      ZAAKWERK_DOCUMENTS_SITE_ID: documentsSiteId
      ZAAKWERK_DOCUMENTS_LIBRARY: documentsLibrary
      ZAAKWERK_DOCUMENT_MAX_BYTES: string(documentMaxBytes)
      // The host refuses larger bodies (100 MB by default) before the API can answer 413 itself.
      FUNCTIONS_REQUEST_BODY_SIZE_LIMIT: string(documentMaxBytes + 1048576)
    }, graphNotificationSettings)
  }
}

module botApp 'modules/function-app.bicep' = {
  name: 'bot-function-app'
  params: {
    name: '${resourceBaseName}-bot-${suffix}'
    location: location
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainer: 'bot-deployment'
    nodeVersion: nodeVersion
    instanceMemoryMB: functionInstanceMemoryMB
    maximumInstanceCount: functionMaximumInstanceCount
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    settings: {
      ZAAKWERK_ENV: 'azure'
      ZAAKWERK_TENANT_ID: tenantId
      ZAAKWERK_AUTHORITY: authority
      ZAAKWERK_BOT_CLIENT_ID: botClientId
      ZAAKWERK_BOT_CLIENT_SECRET: botSecretReference
      ZAAKWERK_API_BASE_URL: 'https://${api.outputs.hostName}/api/v1'
      ZAAKWERK_API_APP_ID_URI: apiAppIdUri
      ZAAKWERK_LOG_LEVEL: logLevel
    }
  }
}

module apiAccess 'modules/identity-access.bicep' = {
  name: 'api-identity-access'
  params: {
    principalId: api.outputs.principalId
    storageAccountName: storage.outputs.name
    keyVaultName: vault.outputs.name
    appInsightsName: monitoring.outputs.appInsightsName
  }
}

module botAccess 'modules/identity-access.bicep' = {
  name: 'bot-identity-access'
  params: {
    principalId: botApp.outputs.principalId
    storageAccountName: storage.outputs.name
    keyVaultName: vault.outputs.name
    appInsightsName: monitoring.outputs.appInsightsName
  }
}

module bot 'modules/bot.bicep' = {
  name: 'azure-bot'
  params: {
    name: '${resourceBaseName}-bot'
    displayName: 'Zaakwerk'
    botClientId: botClientId
    tenantId: tenantId
    messagingEndpoint: 'https://${botApp.outputs.hostName}/api/messages'
  }
}

// Output names are the env variable names the Agents Toolkit writes to env/.env.<name>.
output API_FUNCTION_ENDPOINT string = 'https://${api.outputs.hostName}'
output API_FUNCTION_RESOURCE_ID string = api.outputs.id
output API_APP_ID_URI string = apiAppIdUri
output BOT_FUNCTION_ENDPOINT string = 'https://${botApp.outputs.hostName}'
output BOT_FUNCTION_RESOURCE_ID string = botApp.outputs.id
output BOT_DOMAIN string = botApp.outputs.hostName
output TAB_ENDPOINT string = 'https://${tabSite.outputs.hostName}'
output TAB_DOMAIN string = tabSite.outputs.hostName
output TAB_RESOURCE_ID string = tabSite.outputs.id
output ADDIN_ENDPOINT string = 'https://${addinSite.outputs.hostName}'
output ADDIN_DOMAIN string = addinSite.outputs.hostName
output ADDIN_RESOURCE_ID string = addinSite.outputs.id
output STORAGE_ACCOUNT_NAME string = storage.outputs.name
output KEY_VAULT_NAME string = vault.outputs.name
