// The domain's namespaces: aggregates refer to each other's identifiers and values, and all use the shared building blocks.
global using PtceFunding.Domain.Agreements;
global using PtceFunding.Domain.Applications;
global using PtceFunding.Domain.Calls;
global using PtceFunding.Domain.Committee;
global using PtceFunding.Domain.Common;
global using PtceFunding.Domain.Funders;
global using PtceFunding.Domain.Organisations;
global using PtceFunding.Domain.Payments;
global using PtceFunding.Domain.Reminders;
global using PtceFunding.Domain.Territories;
