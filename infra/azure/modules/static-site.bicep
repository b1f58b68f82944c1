// Static hosting for a single-page app (tab or add-in). The deploy step uploads dist/ with the site's
// deployment token and writes config.json next to the page. Free tier: no managed identity needed,
// the site only serves files.
param name string
@description('Static Web Apps exist in a few regions only (e.g. westeurope).')
param location string

resource site 'Microsoft.Web/staticSites@2023-12-01' = {
  name: name
  location: location
  sku: { name: 'Free', tier: 'Free' }
  properties: {
    stagingEnvironmentPolicy: 'Disabled'
    allowConfigFileUpdates: true
  }
}

output id string = site.id
output hostName string = site.properties.defaultHostname
