using LandUse.Cli;

return await LandUseCli.RunAsync(args).ConfigureAwait(false);
