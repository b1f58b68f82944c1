// Log Analytics + workspace-based Application Insights. Local (key) authentication is off: the Function
// apps send telemetry with their managed identity (APPLICATIONINSIGHTS_AUTHENTICATION_STRING).
param name string
param location string
param retentionInDays int

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-log'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-appi'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

output appInsightsId string = appInsights.id
output appInsightsName string = appInsights.name
// The connection string identifies the resource; with local auth disabled it grants nothing by itself.
output appInsightsConnectionString string = appInsights.properties.ConnectionString
