; Inno Setup script: a per-user, offline installer for the one-folder build.
; Built by installer/build.py on Windows (ISCC /DAppVersion=… /DBundle=dist\PlanDesk).
; No administrator rights: installs under %LOCALAPPDATA%\Programs and registers the
; .plandesk file type for the current user only (HKCU\Software\Classes).
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef Bundle
  #define Bundle "..\..\dist\PlanDesk"
#endif

[Setup]
AppId={{6B0F3C52-2E57-4C39-9E0A-3B1D9C2F7A41}
AppName=PlanDesk 规划台账
AppVersion={#AppVersion}
AppPublisher=PlanDesk
DefaultDirName={localappdata}\Programs\PlanDesk
DefaultGroupName=PlanDesk 规划台账
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
ChangesAssociations=yes
DisableProgramGroupPage=yes
OutputBaseFilename=PlanDesk-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\PlanDesk.exe

[Languages]
Name: "chs"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"; Flags: skipifdoesntexist
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{userprograms}\PlanDesk 规划台账"; Filename: "{app}\PlanDesk.exe"
Name: "{userdesktop}\PlanDesk 规划台账"; Filename: "{app}\PlanDesk.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Registry]
Root: HKCU; Subkey: "Software\Classes\.plandesk"; ValueType: string; ValueData: "PlanDesk.Workspace"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\PlanDesk.Workspace"; ValueType: string; ValueData: "规划台账工作区"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\PlanDesk.Workspace\DefaultIcon"; ValueType: string; ValueData: "{app}\PlanDesk.exe,0"
Root: HKCU; Subkey: "Software\Classes\PlanDesk.Workspace\shell\open\command"; ValueType: string; ValueData: """{app}\PlanDesk.exe"" ""%1"""

[Run]
Filename: "{app}\PlanDesk.exe"; Description: "{cm:LaunchProgram,PlanDesk}"; Flags: nowait postinstall skipifsilent
