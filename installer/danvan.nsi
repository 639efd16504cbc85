; Windows installer for danvan-desktop (NSIS 3, Unicode). Per user, no administrator rights, offline.
;
;   pyinstaller --noconfirm installer\danvan.spec            → dist\danvan-desktop\
;   makensis /DVERSION=0.1.0 installer\danvan.nsi             → dist\danvan-desktop-0.1.0-setup.exe
;
; Installs into %LOCALAPPDATA%\Programs\danvan-desktop, adds Start-menu and desktop shortcuts, makes
; .dvx files (hand-over files) open in the program, and registers an uninstaller in "Apps & features".
; The user's data lives elsewhere (%LOCALAPPDATA%\danvan-desktop: the database, backups, the log) and
; is never touched by the installer or the uninstaller.
; Needs Windows 10 version 1809 or later, 64-bit (Qt 6's minimum).

Unicode true
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef SRC
  !define SRC "..\dist\danvan-desktop"
!endif
!ifndef OUTDIR
  !define OUTDIR "..\dist"
!endif
!define APPNAME "danvan-desktop"
!define DISPLAYNAME "Khối dân vận"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPNAME}"
!define PROGID "danvan.dvx"

Name "${DISPLAYNAME} ${VERSION}"
OutFile "${OUTDIR}\${APPNAME}-${VERSION}-setup.exe"
InstallDir "$LOCALAPPDATA\Programs\${APPNAME}"
InstallDirRegKey HKCU "Software\${APPNAME}" "InstallDir"
Icon "danvan.ico"
UninstallIcon "danvan.ico"
BrandingText "${APPNAME} ${VERSION}"

!include "MUI2.nsh"
!include "x64.nsh"
!include "WinVer.nsh"

!define MUI_ICON "danvan.ico"
!define MUI_UNICON "danvan.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\danvan.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Mở chương trình Khối dân vận"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "..\LICENSE"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Vietnamese"
!insertmacro MUI_LANGUAGE "English"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "ProductName" "${DISPLAYNAME}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "FileDescription" "Cài đặt ${DISPLAYNAME}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "LegalCopyright" "GPL-3.0-or-later"

Function .onInit
  ; Qt 6 runs on 64-bit Windows 10 1809 (build 17763) or later
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "Chương trình cần Windows 10 (bản 1809 trở lên) 64-bit."
    Abort
  ${EndIf}
  ${IfNot} ${AtLeastBuild} 17763
    MessageBox MB_ICONSTOP "Chương trình cần Windows 10 bản 1809 trở lên (hoặc Windows 11)."
    Abort
  ${EndIf}
  StrCpy $LANGUAGE ${LANG_VIETNAMESE}
FunctionEnd

Section "Install"
  SetShellVarContext current
  ; a previous version's program files go first (never the user's data, which is not in $INSTDIR)
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${SRC}\*.*"
  File "danvan.ico"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "Software\${APPNAME}" "InstallDir" "$INSTDIR"

  CreateDirectory "$SMPROGRAMS\${DISPLAYNAME}"
  CreateShortcut "$SMPROGRAMS\${DISPLAYNAME}\${DISPLAYNAME}.lnk" "$INSTDIR\danvan.exe" "" "$INSTDIR\danvan.ico"
  CreateShortcut "$SMPROGRAMS\${DISPLAYNAME}\Gỡ cài đặt ${DISPLAYNAME}.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\${DISPLAYNAME}.lnk" "$INSTDIR\danvan.exe" "" "$INSTDIR\danvan.ico"

  ; .dvx (a hand-over file) opens in the program, on the hand-over page with the file chosen
  WriteRegStr HKCU "Software\Classes\.dvx" "" "${PROGID}"
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "Tệp trao đổi dữ liệu Khối dân vận"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\danvan.ico"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\danvan.exe" --open "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${DISPLAYNAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "danvan-desktop"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\danvan.ico"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  ; only the program: the data folder (%LOCALAPPDATA%\danvan-desktop) stays for a later install
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\danvan.exe"
  Delete "$INSTDIR\danvan-cli.exe"
  Delete "$INSTDIR\danvan.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${DISPLAYNAME}\${DISPLAYNAME}.lnk"
  Delete "$SMPROGRAMS\${DISPLAYNAME}\Gỡ cài đặt ${DISPLAYNAME}.lnk"
  RMDir "$SMPROGRAMS\${DISPLAYNAME}"
  Delete "$DESKTOP\${DISPLAYNAME}.lnk"
  ReadRegStr $0 HKCU "Software\Classes\.dvx" ""
  StrCmp $0 "${PROGID}" 0 +2
    DeleteRegKey HKCU "Software\Classes\.dvx"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegKey HKCU "Software\${APPNAME}"
SectionEnd
