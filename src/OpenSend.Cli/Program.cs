using OpenSend.Cli;

return await OpenSendCommand.RunAsync(args, Console.Out, Console.Error);
