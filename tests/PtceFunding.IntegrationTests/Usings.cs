global using PtceFunding.IntegrationTests.Infrastructure;
